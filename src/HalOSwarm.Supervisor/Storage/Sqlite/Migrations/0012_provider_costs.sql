-- What the providers' billing APIs report (cost.providers), per UTC day ('YYYY-MM-DD'), provider and workspace /
-- project id (scope_id, '' for none). A poll replaces every row of its provider and days, so a repeated poll never adds.
-- project is our project, from the config's map of scope ids (NULL when not mapped). Amounts are exact decimal text in
-- USD (amount_usd; Anthropic reports cents, OpenAI dollars) with USD x 10^9 beside it for SQL sums (cost_nanos).
CREATE TABLE provider_usage (
    provider TEXT NOT NULL,
    day TEXT NOT NULL,
    scope_id TEXT NOT NULL,
    model TEXT NOT NULL,
    project TEXT,
    input_tokens INTEGER NOT NULL,
    output_tokens INTEGER NOT NULL,
    cache_read_tokens INTEGER NOT NULL,
    cache_write_tokens INTEGER NOT NULL,
    requests INTEGER,
    fetched_at TEXT NOT NULL,
    PRIMARY KEY (provider, day, scope_id, model)
) WITHOUT ROWID;

CREATE TABLE provider_costs (
    provider TEXT NOT NULL,
    day TEXT NOT NULL,
    scope_id TEXT NOT NULL,
    line_item TEXT NOT NULL,
    model TEXT,
    project TEXT,
    amount_usd TEXT NOT NULL,
    cost_nanos INTEGER NOT NULL,
    fetched_at TEXT NOT NULL,
    PRIMARY KEY (provider, day, scope_id, line_item)
) WITHOUT ROWID;

-- Each provider's last poll: ok, degraded (error says why, never with a key) or not_configured.
CREATE TABLE provider_poll_status (
    provider TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    last_success_at TEXT,
    last_attempt_at TEXT NOT NULL,
    error TEXT
) WITHOUT ROWID;
