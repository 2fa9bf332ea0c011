-- Nodes, their projects (with the latest task progress), sessions, the event log and commands.
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
    durable_seq       INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE node_projects (
    node_id         TEXT NOT NULL,
    project         TEXT NOT NULL,
    directory       TEXT,
    current_task    TEXT,
    task_done       INTEGER,
    task_total      INTEGER,
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
    input_tokens       INTEGER NOT NULL DEFAULT 0,
    output_tokens      INTEGER NOT NULL DEFAULT 0,
    reasoning_tokens   INTEGER NOT NULL DEFAULT 0,
    cache_read_tokens  INTEGER NOT NULL DEFAULT 0,
    cache_write_tokens INTEGER NOT NULL DEFAULT 0,
    cost_usd           REAL NOT NULL DEFAULT 0,
    compaction_count   INTEGER NOT NULL DEFAULT 0,
    context_tokens     INTEGER NOT NULL DEFAULT 0,
    current_task       TEXT,
    task_done          INTEGER,
    task_total         INTEGER,
    last_error         TEXT,
    parent_session_id  TEXT,
    started_at         TEXT NOT NULL,
    last_activity_at   TEXT,
    ended_at           TEXT
);
CREATE INDEX ix_sessions_started ON sessions (started_at DESC, session_id DESC);
CREATE INDEX ix_sessions_node_status ON sessions (node_id, status);
CREATE INDEX ix_sessions_project ON sessions (project, started_at DESC);
CREATE INDEX ix_sessions_status ON sessions (status, started_at DESC);

-- id is the global cursor; (node_id, seq) makes agent events exactly-once. Supervisor events have seq NULL.
CREATE TABLE events (
    id         INTEGER PRIMARY KEY,
    node_id    TEXT NOT NULL,
    seq        INTEGER,
    type       TEXT NOT NULL,
    session_id TEXT,
    ts         TEXT NOT NULL,
    data       TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_events_node_seq ON events (node_id, seq);
CREATE INDEX ix_events_node ON events (node_id, id);
CREATE INDEX ix_events_session ON events (session_id, id);
CREATE INDEX ix_events_type ON events (type, id);
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
);
CREATE INDEX ix_commands_node ON commands (node_id, created_at);
CREATE INDEX ix_commands_session ON commands (session_id, created_at);

-- The readiness probe writes here to prove the database takes writes.
CREATE TABLE health_probe (
    id         INTEGER PRIMARY KEY,
    checked_at TEXT NOT NULL
);
