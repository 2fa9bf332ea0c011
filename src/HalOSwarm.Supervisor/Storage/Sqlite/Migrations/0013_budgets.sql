-- Budgets: the ones of cost.budgets (source 'config', written at every start) and those the API manages (source 'api').
-- A limit is USD (exact decimal text) or tokens. `lifted_window` is the first local day of the window an admin lifted
-- the budget's block, pause or kill for; the lift ends with that window.
CREATE TABLE budgets (
    name          TEXT PRIMARY KEY,
    scope         TEXT NOT NULL,           -- global | project:NAME | account:NAME
    period        TEXT NOT NULL,           -- daily | weekly | monthly (cost.time_zone)
    limit_usd     TEXT,                    -- decimal, invariant culture
    limit_tokens  INTEGER,
    thresholds    TEXT NOT NULL,           -- ascending percentages: '50,75,90,100'
    action        TEXT NOT NULL,           -- alert | block_new | pause | kill
    source        TEXT NOT NULL,           -- config | api
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL,
    lifted_window TEXT,                    -- 'YYYY-MM-DD'
    lifted_at     TEXT,
    lifted_by     TEXT
);

-- What a budget recorded once per window: each threshold crossed ('threshold', percent), a predicted crossing
-- ('forecast', 0) and the start of its enforcement ('action', 100). Kept as history when the window resets.
CREATE TABLE budget_marks (
    budget       TEXT    NOT NULL,
    window_start TEXT    NOT NULL,         -- first local day of the window, 'YYYY-MM-DD'
    kind         TEXT    NOT NULL,
    threshold    INTEGER NOT NULL,
    at           TEXT    NOT NULL,
    spend_usd    TEXT    NOT NULL,
    spend_tokens INTEGER NOT NULL,
    PRIMARY KEY (budget, window_start, kind, threshold)
) WITHOUT ROWID;
