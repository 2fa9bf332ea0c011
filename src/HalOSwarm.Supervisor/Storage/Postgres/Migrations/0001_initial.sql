CREATE TABLE nodes (
    node_id           TEXT PRIMARY KEY,
    hostname          TEXT NOT NULL,
    status            TEXT NOT NULL,
    agent_version     TEXT,
    projects_json     TEXT NOT NULL DEFAULT '[]',
    runtimes_json     TEXT NOT NULL DEFAULT '[]',
    resources_json    TEXT,
    first_seen_at     TEXT NOT NULL,
    connected_at      TEXT,
    last_heartbeat_at TEXT,
    durable_seq       bigint NOT NULL DEFAULT 0
, rejected_events bigint NOT NULL DEFAULT 0, last_rejection TEXT, last_rejection_at TEXT, runtime_details_json TEXT NOT NULL DEFAULT '[]');
CREATE TABLE node_projects (
    node_id         TEXT NOT NULL,
    project         TEXT NOT NULL,
    directory       TEXT,
    current_task    TEXT,
    task_done       bigint,
    task_total      bigint,
    task_updated_at TEXT,
    PRIMARY KEY (node_id, project)
);
CREATE TABLE sessions (
    session_id         TEXT PRIMARY KEY,
    node_id            TEXT NOT NULL,
    project            TEXT,
    runtime            TEXT,
    status             TEXT NOT NULL,
    model              TEXT,
    title              TEXT,
    input_tokens       bigint NOT NULL DEFAULT 0,
    output_tokens      bigint NOT NULL DEFAULT 0,
    reasoning_tokens   bigint NOT NULL DEFAULT 0,
    cache_read_tokens  bigint NOT NULL DEFAULT 0,
    cache_write_tokens bigint NOT NULL DEFAULT 0,
    cost_usd           double precision NOT NULL DEFAULT 0,
    compaction_count   bigint NOT NULL DEFAULT 0,
    context_tokens     bigint NOT NULL DEFAULT 0,
    current_task       TEXT,
    task_done          bigint,
    task_total         bigint,
    last_error         TEXT,
    parent_session_id  TEXT,
    started_at         TEXT NOT NULL,
    last_activity_at   TEXT,
    ended_at           TEXT
, activity_state TEXT, activity_detail TEXT, progress double precision, adopted bigint NOT NULL DEFAULT 0, worktree TEXT, branch TEXT, rate_limit_reset_at TEXT);
CREATE INDEX ix_sessions_started ON sessions (started_at DESC, session_id DESC);
CREATE INDEX ix_sessions_node_status ON sessions (node_id, status);
CREATE INDEX ix_sessions_project ON sessions (project, started_at DESC);
CREATE INDEX ix_sessions_status ON sessions (status, started_at DESC);
CREATE TABLE events (
    id         bigint PRIMARY KEY,
    node_id    TEXT NOT NULL,
    seq        bigint,
    type       TEXT NOT NULL,
    session_id TEXT,
    ts         TEXT NOT NULL,
    data       TEXT NOT NULL
);
CREATE INDEX ix_events_node ON events (node_id, id);
CREATE INDEX ix_events_session ON events (session_id, id);
CREATE INDEX ix_events_ts ON events (ts, id);
CREATE TABLE commands (
    command_id  TEXT PRIMARY KEY,
    type        TEXT NOT NULL,
    node_id     TEXT NOT NULL,
    session_id  TEXT,
    project     TEXT,
    args        TEXT NOT NULL,
    state       TEXT NOT NULL,
    result      TEXT,
    error       TEXT,
    error_code  TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
, actor TEXT NOT NULL DEFAULT 'unknown', idempotency_key TEXT, key_active bigint NOT NULL DEFAULT 0, attempts bigint NOT NULL DEFAULT 0, deadline_at TEXT, finished_at TEXT, parent_command_id TEXT, source_address TEXT, correlation_id TEXT);
CREATE INDEX ix_commands_node ON commands (node_id, created_at);
CREATE INDEX ix_commands_session ON commands (session_id, created_at);
CREATE TABLE health_probe (
    id         bigint PRIMARY KEY,
    checked_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_commands_idempotency ON commands (idempotency_key) WHERE key_active = 1;
CREATE INDEX ix_commands_state ON commands (state, created_at);
CREATE INDEX ix_commands_created ON commands (created_at DESC, command_id DESC);
CREATE TABLE audit_log (
    id             bigint PRIMARY KEY,
    at             TEXT NOT NULL,
    actor          TEXT NOT NULL,
    action         TEXT NOT NULL,
    target         TEXT,
    args           TEXT,
    result         TEXT NOT NULL,
    error          TEXT,
    duration_ms    bigint,
    source_address TEXT,
    command_id     TEXT
);
CREATE INDEX ix_audit_at ON audit_log (at, id);
CREATE INDEX ix_audit_actor ON audit_log (actor, id);
CREATE INDEX ix_audit_action ON audit_log (action, id);
CREATE INDEX ix_audit_command ON audit_log (command_id);
CREATE INDEX ix_sessions_parent ON sessions (parent_session_id);
CREATE TABLE policy_state (
    policy               TEXT NOT NULL,
    session_id           TEXT NOT NULL,
    attempts             bigint NOT NULL DEFAULT 0,
    window_started_at    TEXT,
    last_intervention_at TEXT,
    cap_alerted          bigint NOT NULL DEFAULT 0,
    pending_command_id   TEXT,
    consecutive_errors   bigint NOT NULL DEFAULT 0,
    resume_at            TEXT,
    limit_reset_at       TEXT,
    updated_at           TEXT NOT NULL,
    PRIMARY KEY (policy, session_id)
);
CREATE TABLE event_cursors (
    consumer   TEXT PRIMARY KEY,
    last_id    bigint NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE dependency_done (
    project  TEXT PRIMARY KEY,
    done_at  TEXT NOT NULL,
    source   TEXT NOT NULL,
    event_id bigint NOT NULL
);
CREATE TABLE dependency_triggers (
    project      TEXT NOT NULL,
    milestone_id bigint NOT NULL,
    command_id   TEXT,
    triggered_at TEXT NOT NULL,
    PRIMARY KEY (project, milestone_id)
);
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
    event_id      bigint NOT NULL,       -- the permission.asked event
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
CREATE INDEX ix_events_type ON events (type, id) WHERE type <> 'message.delta';
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
CREATE TABLE cost_ledger (
    hour_utc           TEXT    NOT NULL,  -- 'YYYY-MM-DDTHH:00:00Z'
    day_local          TEXT    NOT NULL,  -- 'YYYY-MM-DD' in cost.time_zone
    session_id         TEXT    NOT NULL,
    provider           TEXT    NOT NULL,
    model              TEXT    NOT NULL,
    account            TEXT    NOT NULL,
    node_id            TEXT    NOT NULL,
    project            TEXT    NOT NULL,
    runtime            TEXT    NOT NULL,
    equivalent         bigint NOT NULL DEFAULT 0,
    messages           bigint NOT NULL DEFAULT 0,
    priced_messages    bigint NOT NULL DEFAULT 0,
    input_tokens       bigint NOT NULL DEFAULT 0,
    output_tokens      bigint NOT NULL DEFAULT 0,
    reasoning_tokens   bigint NOT NULL DEFAULT 0,
    cache_read_tokens  bigint NOT NULL DEFAULT 0,
    cache_write_tokens bigint NOT NULL DEFAULT 0,
    cost_nanos         bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (hour_utc, day_local, session_id, provider, model, account)
);
CREATE INDEX cost_ledger_day ON cost_ledger (day_local);
CREATE INDEX cost_ledger_session ON cost_ledger (session_id);
CREATE INDEX cost_ledger_account ON cost_ledger (account, session_id);
CREATE TABLE provider_usage (
    provider TEXT NOT NULL,
    day TEXT NOT NULL,
    scope_id TEXT NOT NULL,
    model TEXT NOT NULL,
    project TEXT,
    input_tokens bigint NOT NULL,
    output_tokens bigint NOT NULL,
    cache_read_tokens bigint NOT NULL,
    cache_write_tokens bigint NOT NULL,
    requests bigint,
    fetched_at TEXT NOT NULL,
    PRIMARY KEY (provider, day, scope_id, model)
);
CREATE TABLE provider_costs (
    provider TEXT NOT NULL,
    day TEXT NOT NULL,
    scope_id TEXT NOT NULL,
    line_item TEXT NOT NULL,
    model TEXT,
    project TEXT,
    amount_usd TEXT NOT NULL,
    cost_nanos bigint NOT NULL,
    fetched_at TEXT NOT NULL,
    PRIMARY KEY (provider, day, scope_id, line_item)
);
CREATE TABLE provider_poll_status (
    provider TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    last_success_at TEXT,
    last_attempt_at TEXT NOT NULL,
    error TEXT
);
CREATE TABLE budgets (
    name          TEXT PRIMARY KEY,
    scope         TEXT NOT NULL,           -- global | project:NAME | account:NAME
    period        TEXT NOT NULL,           -- daily | weekly | monthly (cost.time_zone)
    limit_usd     TEXT,                    -- decimal, invariant culture
    limit_tokens  bigint,
    thresholds    TEXT NOT NULL,           -- ascending percentages: '50,75,90,100'
    action        TEXT NOT NULL,           -- alert | block_new | pause | kill
    source        TEXT NOT NULL,           -- config | api
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL,
    lifted_window TEXT,                    -- 'YYYY-MM-DD'
    lifted_at     TEXT,
    lifted_by     TEXT
);
CREATE TABLE budget_marks (
    budget       TEXT    NOT NULL,
    window_start TEXT    NOT NULL,         -- first local day of the window, 'YYYY-MM-DD'
    kind         TEXT    NOT NULL,
    threshold    bigint NOT NULL,
    at           TEXT    NOT NULL,
    spend_usd    TEXT    NOT NULL,
    spend_tokens bigint NOT NULL,
    PRIMARY KEY (budget, window_start, kind, threshold)
);
CREATE TABLE channel_alerts (
    id                bigint PRIMARY KEY,
    dedup_key         TEXT    NOT NULL UNIQUE,  -- 'e:EVENT_ID:RULE', or the sweep's 'idle:SESSION:SINCE:RULE'
    rule              TEXT    NOT NULL,
    event_id          bigint,
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
CREATE TABLE channel_deliveries (
    id              bigint PRIMARY KEY,
    alert_id        bigint NOT NULL REFERENCES channel_alerts (id),
    target          TEXT    NOT NULL,           -- 'discord:alerts', 'slack:#ops', 'telegram:ops', 'webhook:n8n'
    op              TEXT    NOT NULL,           -- post | update
    state           TEXT    NOT NULL,           -- pending | delivered | failed
    attempts        bigint NOT NULL DEFAULT 0,
    next_attempt_at TEXT    NOT NULL,
    last_error      TEXT,
    message_ref     TEXT,                       -- the platform's message (post), for updating it in place
    created_at      TEXT    NOT NULL,
    delivered_at    TEXT
);
CREATE INDEX channel_deliveries_due ON channel_deliveries (next_attempt_at) WHERE state = 'pending';
CREATE UNIQUE INDEX channel_deliveries_post ON channel_deliveries (alert_id, target) WHERE op = 'post';
CREATE INDEX channel_deliveries_recent ON channel_deliveries (id DESC, state);
CREATE TABLE channel_state (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX ix_sessions_fleet ON sessions (
    (CASE WHEN activity_state = 'waiting_for_input' THEN 0
          WHEN status = 'error' OR activity_state = 'error' THEN 1
          WHEN status = 'unreachable' OR activity_state = 'stuck' THEN 2
          WHEN status IN ('starting', 'running') THEN 3
          WHEN status = 'idle' THEN 4
          ELSE 5 END),
    last_activity_at DESC, session_id DESC);
CREATE TABLE env_reports (
    node_id     TEXT NOT NULL,
    project     TEXT NOT NULL,
    verdict     TEXT NOT NULL,             -- ready | degraded | missing
    checked_at  TEXT NOT NULL,
    actor       TEXT NOT NULL,             -- who asked: policy:environments (on connect, on schedule) or the API caller
    report_json TEXT NOT NULL,             -- EnvCheckReport, snake_case
    PRIMARY KEY (node_id, project)
);
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
CREATE TABLE tool_auth_status (
    node_id     TEXT NOT NULL,
    tool        TEXT NOT NULL,              -- a runtime name: opencode, claude-code, codex
    status      TEXT NOT NULL,              -- authenticated | unauthenticated | not_installed | unknown
    method      TEXT,
    reason      TEXT,
    checked_at  TEXT NOT NULL,              -- when the agent checked
    event_seq   bigint NOT NULL,
    PRIMARY KEY (node_id, tool)
);
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
CREATE TABLE credentials (
    node_id    TEXT    NOT NULL,
    tool       TEXT    NOT NULL,           -- opencode | claude-code | codex
    version    bigint NOT NULL,           -- 1, 2, … per node and tool
    kind       TEXT    NOT NULL,           -- file | env
    key_id     TEXT    NOT NULL,
    nonce      bytea    NOT NULL,
    sealed     bytea    NOT NULL,
    created_at TEXT    NOT NULL,
    created_by TEXT    NOT NULL,
    PRIMARY KEY (node_id, tool, version)
);
CREATE INDEX ix_sessions_status_node ON sessions (status, node_id, project);
