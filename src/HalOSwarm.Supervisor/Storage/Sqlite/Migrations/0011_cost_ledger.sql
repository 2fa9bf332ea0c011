-- The cost ledger: every usage event booked once (the events it comes from are stored exactly once, in the same
-- transaction), summed per UTC hour, local day (cost.time_zone), session, provider, model and account. Node,
-- project and runtime are the session's. Money is USD x 10^9 as an integer, so sums are exact.
-- `equivalent` = 1: a subscription login's tokens at the equivalent API price (not billed per token);
-- `priced_messages`: how many of the messages were priced from cost.rates because the program reported no cost.
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
    equivalent         INTEGER NOT NULL DEFAULT 0,
    messages           INTEGER NOT NULL DEFAULT 0,
    priced_messages    INTEGER NOT NULL DEFAULT 0,
    input_tokens       INTEGER NOT NULL DEFAULT 0,
    output_tokens      INTEGER NOT NULL DEFAULT 0,
    reasoning_tokens   INTEGER NOT NULL DEFAULT 0,
    cache_read_tokens  INTEGER NOT NULL DEFAULT 0,
    cache_write_tokens INTEGER NOT NULL DEFAULT 0,
    cost_nanos         INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (hour_utc, day_local, session_id, provider, model, account)
) WITHOUT ROWID;
CREATE INDEX cost_ledger_day ON cost_ledger (day_local);
CREATE INDEX cost_ledger_session ON cost_ledger (session_id);
CREATE INDEX cost_ledger_account ON cost_ledger (account, session_id);

-- Usage stored before the ledger existed, booked here once (a migration runs once, in one transaction): at the cost the
-- program reported, to the provider's own account, with the UTC day as the local day (a migration does not know
-- cost.time_zone). Everything stored from now on is booked by the ledger's projection, in the transaction that stores it.
INSERT INTO cost_ledger (hour_utc, day_local, session_id, provider, model, account, node_id, project, runtime, messages,
                         input_tokens, output_tokens, reasoning_tokens, cache_read_tokens, cache_write_tokens, cost_nanos)
SELECT substr(e.ts, 1, 13) || ':00:00Z', substr(e.ts, 1, 10), e.session_id, u.provider, u.model, u.provider,
       e.node_id, coalesce(nullif(s.project, ''), 'unknown'), coalesce(nullif(s.runtime, ''), 'unknown'), count(*),
       sum(CASE json_type(e.data, '$.tokens.input') WHEN 'integer' THEN max(0, json_extract(e.data, '$.tokens.input')) ELSE 0 END),
       sum(CASE json_type(e.data, '$.tokens.output') WHEN 'integer' THEN max(0, json_extract(e.data, '$.tokens.output')) ELSE 0 END),
       sum(CASE json_type(e.data, '$.tokens.reasoning') WHEN 'integer' THEN max(0, json_extract(e.data, '$.tokens.reasoning')) ELSE 0 END),
       sum(CASE json_type(e.data, '$.tokens.cache_read') WHEN 'integer' THEN max(0, json_extract(e.data, '$.tokens.cache_read')) ELSE 0 END),
       sum(CASE json_type(e.data, '$.tokens.cache_write') WHEN 'integer' THEN max(0, json_extract(e.data, '$.tokens.cache_write')) ELSE 0 END),
       sum(CASE WHEN json_type(e.data, '$.cost_usd') IN ('integer', 'real')
                THEN CAST(round(max(0, json_extract(e.data, '$.cost_usd')) * 1e9) AS INTEGER) ELSE 0 END)
FROM events e
JOIN (SELECT id,
             CASE WHEN json_type(data, '$.provider') = 'text' AND json_extract(data, '$.provider') <> ''
                  THEN substr(json_extract(data, '$.provider'), 1, 256) ELSE 'unknown' END AS provider,
             CASE WHEN json_type(data, '$.model') = 'text' AND json_extract(data, '$.model') <> ''
                  THEN substr(json_extract(data, '$.model'), 1, 256) ELSE 'unknown' END AS model
      FROM events WHERE type = 'usage' AND session_id IS NOT NULL AND json_valid(data)) u ON u.id = e.id
LEFT JOIN sessions s ON s.session_id = e.session_id
GROUP BY 1, 2, 3, 4, 5, 6;

-- The seed runbook reads `SELECT * FROM costs ORDER BY date DESC`: spend per UTC day, provider and model, now from
-- the ledger (it was a scan of the usage events).
DROP VIEW costs;
CREATE VIEW costs AS
SELECT substr(hour_utc, 1, 10)                   AS date,
       provider                                  AS provider,
       model                                     AS model,
       sum(messages)                             AS messages,
       round(sum(cost_nanos) / 1e9, 6)           AS cost_usd,
       sum(input_tokens)                         AS input_tokens,
       sum(output_tokens)                        AS output_tokens,
       sum(reasoning_tokens)                     AS reasoning_tokens,
       sum(cache_read_tokens)                    AS cache_read_tokens,
       sum(cache_write_tokens)                   AS cache_write_tokens,
       max(equivalent)                           AS equivalent
FROM cost_ledger
GROUP BY 1, 2, 3;
