-- The latest login status of each agent program on each node, kept from the stored auth.status events (ToolAuthProjection).
CREATE TABLE tool_auth_status (
    node_id     TEXT NOT NULL,
    tool        TEXT NOT NULL,              -- a runtime name: opencode, claude-code, codex
    status      TEXT NOT NULL,              -- authenticated | unauthenticated | not_installed | unknown
    method      TEXT,
    reason      TEXT,
    checked_at  TEXT NOT NULL,              -- when the agent checked
    event_seq   INTEGER NOT NULL,
    PRIMARY KEY (node_id, tool)
);

-- Remote logins, one per auth_login command (login_id = its command id), from the stored auth.login.* events.
CREATE TABLE tool_auth_logins (
    login_id          TEXT PRIMARY KEY,
    node_id           TEXT NOT NULL,
    tool              TEXT NOT NULL,
    status            TEXT NOT NULL,        -- pending | succeeded | failed | manual_required
    verification_url  TEXT,
    user_code         TEXT,
    expires_at        TEXT,
    reason            TEXT,
    manual_guidance   TEXT,                 -- JSON, as the agent sent it
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE INDEX tool_auth_logins_node ON tool_auth_logins (node_id, created_at);
