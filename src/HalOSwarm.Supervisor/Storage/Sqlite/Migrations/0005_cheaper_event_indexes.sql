-- Fewer b-trees per stored event (docs/PERFORMANCE.md): every index costs each insert a descent and dirty pages.
-- (node_id, seq) stays exactly-once without its own index: the single writer keeps each node's durable seq in
-- memory and skips anything at or below it, in the transaction that advances nodes.durable_seq.
DROP INDEX IF EXISTS ux_events_node_seq;
-- message.delta is most of the log; type filters for it are answered by scanning by id (it is dense), so the type
-- index holds every other type only. Queries add the same condition so SQLite can use it.
DROP INDEX IF EXISTS ix_events_type;
CREATE INDEX ix_events_type ON events (type, id) WHERE type <> 'message.delta';
