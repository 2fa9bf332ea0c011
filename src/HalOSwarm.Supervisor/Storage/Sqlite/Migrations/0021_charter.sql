-- The charter counts a node's and a project's active sessions before each start: an index walk over the active
-- statuses instead of a scan of every session ever recorded.
CREATE INDEX ix_sessions_status_node ON sessions (status, node_id, project);
