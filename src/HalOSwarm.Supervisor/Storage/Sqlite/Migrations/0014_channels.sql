-- Alerts the router made: one per routed event and rule (dedup_key), sent to every target of its rule. The answer
-- columns are set once, by the first action taken on it from any platform.
CREATE TABLE channel_alerts (
    id                INTEGER PRIMARY KEY,
    dedup_key         TEXT    NOT NULL UNIQUE,  -- 'e:EVENT_ID:RULE', or the sweep's 'idle:SESSION:SINCE:RULE'
    rule              TEXT    NOT NULL,
    event_id          INTEGER,
    event_type        TEXT    NOT NULL,
    session_id        TEXT,
    node_id           TEXT,
    project           TEXT,
    approval_id       TEXT,
    alert             TEXT    NOT NULL,         -- the alert as rendered for every platform (JSON), without its answer
    created_at        TEXT    NOT NULL,
    answered_action   TEXT,
    answered_actor    TEXT,
    answered_by       TEXT,
    answered_platform TEXT,
    answered_at       TEXT,
    answered_outcome  TEXT
);
CREATE INDEX channel_alerts_approval ON channel_alerts (approval_id) WHERE approval_id IS NOT NULL;
CREATE INDEX channel_alerts_session ON channel_alerts (session_id, id) WHERE session_id IS NOT NULL;

-- The outbox: one row per alert and target to post, and one per in-place update of a posted message.
CREATE TABLE channel_deliveries (
    id              INTEGER PRIMARY KEY,
    alert_id        INTEGER NOT NULL REFERENCES channel_alerts (id),
    target          TEXT    NOT NULL,           -- 'discord:alerts', 'slack:#ops', 'telegram:ops', 'webhook:n8n'
    op              TEXT    NOT NULL,           -- post | update
    state           TEXT    NOT NULL,           -- pending | delivered | failed
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT    NOT NULL,
    last_error      TEXT,
    message_ref     TEXT,                       -- the platform's message (post), for updating it in place
    created_at      TEXT    NOT NULL,
    delivered_at    TEXT
);
CREATE INDEX channel_deliveries_due ON channel_deliveries (next_attempt_at) WHERE state = 'pending';
CREATE UNIQUE INDEX channel_deliveries_post ON channel_deliveries (alert_id, target) WHERE op = 'post';
CREATE INDEX channel_deliveries_recent ON channel_deliveries (id DESC, state);

-- What a platform keeps across restarts (Telegram's update offset, Discord's application commands hash…).
CREATE TABLE channel_state (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL
) WITHOUT ROWID;
