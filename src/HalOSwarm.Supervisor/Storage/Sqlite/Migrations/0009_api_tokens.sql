-- Per-user API tokens (kind 'user', with a role) and per-node agent tokens (kind 'node', bound to one node id). Only the
-- SHA-256 of a secret is stored; the secret itself is shown once, when the token is created. Revoked tokens keep their
-- row (who, when) and free their name for a new token.
CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('user', 'node')),
    role TEXT CHECK (role IS NULL OR role IN ('viewer', 'operator', 'admin')),
    node_id TEXT,
    secret_sha256 TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    revoked_at TEXT,
    revoked_by TEXT
);
CREATE UNIQUE INDEX api_tokens_active_name ON api_tokens (name) WHERE revoked_at IS NULL;
