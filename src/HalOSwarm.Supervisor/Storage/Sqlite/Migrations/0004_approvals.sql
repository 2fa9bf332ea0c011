-- Permission requests of agent programs waiting for (or given) an answer.
CREATE TABLE approvals (
    approval_id   TEXT PRIMARY KEY,
    node_id       TEXT NOT NULL,
    session_id    TEXT,
    project       TEXT,
    permission_id TEXT NOT NULL,
    tool          TEXT,
    permission    TEXT NOT NULL,
    patterns      TEXT NOT NULL,          -- JSON array of strings: the command or paths asked about
    reason        TEXT NOT NULL,
    asked_at      TEXT NOT NULL,
    event_id      INTEGER NOT NULL,       -- the permission.asked event
    state         TEXT NOT NULL,          -- pending | approved_once | approved_always | rejected | expired | auto_once | auto_always | auto_reject
    reply         TEXT,                   -- once | always | reject, as sent to the agent
    answered_by   TEXT,
    answered_at   TEXT,
    rule          TEXT,                   -- the config rule that answered it, e.g. approvals.rules[0]
    command_id    TEXT,                   -- the permission_reply command
    UNIQUE (node_id, permission_id)
);
CREATE INDEX approvals_state_asked ON approvals (state, asked_at);
CREATE INDEX approvals_session ON approvals (session_id, asked_at);
