-- Risky environment fixes (a tool's install command) proposed to an operator: applied only once approved. `command` is
-- the exact shell command that runs on the node. At most one open (pending or approved) proposal per node, project and item.
CREATE TABLE env_proposals (
    id          TEXT PRIMARY KEY,
    node_id     TEXT NOT NULL,
    project     TEXT NOT NULL,
    item_id     TEXT NOT NULL,             -- the manifest item: tool:NAME
    command     TEXT NOT NULL,
    state       TEXT NOT NULL,             -- pending | approved | rejected | applied | failed
    detail      TEXT,                      -- why it was proposed (the check's finding)
    proposed_at TEXT NOT NULL,
    proposed_by TEXT NOT NULL,
    decided_at  TEXT,
    decided_by  TEXT,
    finished_at TEXT,
    output      TEXT                       -- the install's exit code and output tail, or why it did not run
);

CREATE UNIQUE INDEX env_proposals_open ON env_proposals (node_id, project, item_id) WHERE state IN ('pending', 'approved');
CREATE INDEX env_proposals_by_time ON env_proposals (proposed_at DESC);
