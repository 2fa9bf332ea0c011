-- Policy engine and dependency scheduling: what must survive a supervisor restart.
CREATE TABLE policy_state (
    policy               TEXT NOT NULL,
    session_id           TEXT NOT NULL,
    attempts             INTEGER NOT NULL DEFAULT 0,
    window_started_at    TEXT,
    last_intervention_at TEXT,
    cap_alerted          INTEGER NOT NULL DEFAULT 0,
    pending_command_id   TEXT,
    consecutive_errors   INTEGER NOT NULL DEFAULT 0,
    resume_at            TEXT,
    limit_reset_at       TEXT,
    updated_at           TEXT NOT NULL,
    PRIMARY KEY (policy, session_id)
);

-- The last event id each event consumer has handled, so a restart resumes where it stopped.
CREATE TABLE event_cursors (
    consumer   TEXT PRIMARY KEY,
    last_id    INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);

-- Projects that reached their milestone.
CREATE TABLE dependency_done (
    project  TEXT PRIMARY KEY,
    done_at  TEXT NOT NULL,
    source   TEXT NOT NULL,
    event_id INTEGER NOT NULL
);

-- One row per dependent started (or found ready) by a milestone: a milestone triggers each dependent once.
CREATE TABLE dependency_triggers (
    project      TEXT NOT NULL,
    milestone_id INTEGER NOT NULL,
    command_id   TEXT,
    triggered_at TEXT NOT NULL,
    PRIMARY KEY (project, milestone_id)
);
