-- The latest environment check of each project on each node (environments): the project's verdict and the agent's
-- whole report (each item's expected, actual, verdict, fix, detail, and a changed file's text for AGENT.md diffs; a
-- variable is only ever 'set' or 'unset'). Replaced at every check; the events keep the history.
CREATE TABLE env_reports (
    node_id     TEXT NOT NULL,
    project     TEXT NOT NULL,
    verdict     TEXT NOT NULL,             -- ready | degraded | missing
    checked_at  TEXT NOT NULL,
    actor       TEXT NOT NULL,             -- who asked: policy:environments (on connect, on schedule) or the API caller
    report_json TEXT NOT NULL,             -- EnvCheckReport, snake_case
    PRIMARY KEY (node_id, project)
) WITHOUT ROWID;
