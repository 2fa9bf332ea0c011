-- Several supervisors on one database (docs/ARCHITECTURE.md, Several supervisors): each writes a heartbeat row every
-- cluster.heartbeat_sec; a node's row names the supervisor that holds its socket (set by the node's hello there).
CREATE TABLE supervisors (
    supervisor_id TEXT PRIMARY KEY,
    hostname      TEXT NOT NULL,
    version       TEXT,
    started_at    TEXT NOT NULL,
    heartbeat_at  TEXT NOT NULL,
    leader        bigint NOT NULL DEFAULT 0
);
ALTER TABLE nodes ADD COLUMN supervisor_id TEXT;
