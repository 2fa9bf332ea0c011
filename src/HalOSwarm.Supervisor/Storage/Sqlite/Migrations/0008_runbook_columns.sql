-- What the seed runbook's SQL names (docs/OPERATIONS.md runs each statement against this schema):
-- `timestamp` on events and sessions, in the text form of SQLite's datetime() ('YYYY-MM-DD HH:MM:SS', UTC), so
-- `WHERE timestamp < datetime('now', '-30 days')` compares like with like; and a `costs` view, usage per UTC day,
-- provider and model. The columns are VIRTUAL and unindexed: nothing is stored and the event path pays nothing;
-- a filter on them scans the table (`ts`, ISO 8601 text and indexed, is the fast way).
-- events.timestamp is the event's time; sessions.timestamp its latest activity (its start when it had none).
ALTER TABLE events ADD COLUMN timestamp TEXT GENERATED ALWAYS AS (datetime(ts)) VIRTUAL;
ALTER TABLE sessions ADD COLUMN timestamp TEXT GENERATED ALWAYS AS (datetime(coalesce(last_activity_at, started_at))) VIRTUAL;

CREATE VIEW costs AS
SELECT date(ts)                                          AS date,
       coalesce(json_extract(data, '$.provider'), '')    AS provider,
       coalesce(json_extract(data, '$.model'), '')       AS model,
       count(*)                                          AS messages,
       round(sum(json_extract(data, '$.cost_usd')), 6)   AS cost_usd,
       sum(json_extract(data, '$.tokens.input'))         AS input_tokens,
       sum(json_extract(data, '$.tokens.output'))        AS output_tokens
FROM events
WHERE type = 'usage'
GROUP BY 1, 2, 3;
