namespace HalOSwarm.Supervisor.Cost.Ledger;

/// <summary>The projection's statements.</summary>
internal static class LedgerSql
{
    /// <summary>
    /// Adds a batch's sums to a row (bound by position: hour, day, session, provider, model, account, node, project,
    /// runtime, equivalent, messages, priced, the five token counts, nanos); node, project and runtime follow the session
    /// (a placeholder session may learn them later).
    /// </summary>
    public const string SqliteUpsert = """
        INSERT INTO cost_ledger (hour_utc, day_local, session_id, provider, model, account, node_id, project, runtime, equivalent,
                                 messages, priced_messages, input_tokens, output_tokens, reasoning_tokens, cache_read_tokens,
                                 cache_write_tokens, cost_nanos)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)
        ON CONFLICT (hour_utc, day_local, session_id, provider, model, account) DO UPDATE SET
            node_id = excluded.node_id,
            project = excluded.project,
            runtime = excluded.runtime,
            equivalent = CASE WHEN excluded.equivalent > cost_ledger.equivalent THEN excluded.equivalent ELSE cost_ledger.equivalent END,
            messages = cost_ledger.messages + excluded.messages,
            priced_messages = cost_ledger.priced_messages + excluded.priced_messages,
            input_tokens = cost_ledger.input_tokens + excluded.input_tokens,
            output_tokens = cost_ledger.output_tokens + excluded.output_tokens,
            reasoning_tokens = cost_ledger.reasoning_tokens + excluded.reasoning_tokens,
            cache_read_tokens = cost_ledger.cache_read_tokens + excluded.cache_read_tokens,
            cache_write_tokens = cost_ledger.cache_write_tokens + excluded.cache_write_tokens,
            cost_nanos = cost_ledger.cost_nanos + excluded.cost_nanos
        """;

    /// <summary><see cref="SqliteUpsert"/> with named parameters, for providers bound through ADO.NET.</summary>
    public static readonly string Upsert = System.Text.RegularExpressions.Regex.Replace(SqliteUpsert, @"\?(\d+)", "@p$1");

    public const string Session = "SELECT project, runtime FROM sessions WHERE session_id = @sid";
}
