-- Durable commands (who asked, idempotency, attempts, deadlines) and the audit log.
ALTER TABLE commands ADD COLUMN actor TEXT NOT NULL DEFAULT 'unknown';
ALTER TABLE commands ADD COLUMN idempotency_key TEXT;
-- 1 while the key names this command; 0 once a later command took the key over after this one failed.
ALTER TABLE commands ADD COLUMN key_active INTEGER NOT NULL DEFAULT 0;
ALTER TABLE commands ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE commands ADD COLUMN deadline_at TEXT;
ALTER TABLE commands ADD COLUMN finished_at TEXT;
ALTER TABLE commands ADD COLUMN parent_command_id TEXT;
ALTER TABLE commands ADD COLUMN source_address TEXT;
CREATE UNIQUE INDEX ux_commands_idempotency ON commands (idempotency_key) WHERE key_active = 1;
CREATE INDEX ix_commands_state ON commands (state, created_at);
CREATE INDEX ix_commands_created ON commands (created_at DESC, command_id DESC);

CREATE TABLE audit_log (
    id             INTEGER PRIMARY KEY,
    at             TEXT NOT NULL,
    actor          TEXT NOT NULL,
    action         TEXT NOT NULL,
    target         TEXT,
    args           TEXT,
    result         TEXT NOT NULL,
    error          TEXT,
    duration_ms    INTEGER,
    source_address TEXT,
    command_id     TEXT
);
CREATE INDEX ix_audit_at ON audit_log (at, id);
CREATE INDEX ix_audit_actor ON audit_log (actor, id);
CREATE INDEX ix_audit_action ON audit_log (action, id);
CREATE INDEX ix_audit_command ON audit_log (command_id);
CREATE INDEX ix_sessions_parent ON sessions (parent_session_id);
