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
