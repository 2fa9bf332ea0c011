-- Several supervisors on one database (docs/ARCHITECTURE.md, Several supervisors): each writes a heartbeat row; a
-- node's row names the supervisor that holds its socket. On SQLite there is only ever one, kept for the same SQL.
CREATE TABLE supervisors (
    supervisor_id TEXT PRIMARY KEY,
    hostname      TEXT NOT NULL,
    version       TEXT,
    started_at    TEXT NOT NULL,
    heartbeat_at  TEXT NOT NULL,
    leader        INTEGER NOT NULL DEFAULT 0
);
ALTER TABLE nodes ADD COLUMN supervisor_id TEXT;
