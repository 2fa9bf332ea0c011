using System.Globalization;
using HalOSwarm.Supervisor.Tests.Support;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Tests.Cost;

/// <summary>
/// A row of <c>cost_ledger</c> as the ledger's projection books it (the usage of one hour, local day, session, provider,
/// model and account). The report's tests write these into the supervisor's file on a connection of their own: the report
/// reads only this table, and this way a test can put spend on any day (usage events are booked at the time they carry).
/// </summary>
internal sealed record LedgerRow
{
    public required string HourUtc { get; init; }

    public required string DayLocal { get; init; }

    public string SessionId { get; init; } = "ses_1";

    public string Provider { get; init; } = "anthropic";

    public string Model { get; init; } = "claude-sonnet-4";

    public string Account { get; init; } = "anthropic:default";

    public string NodeId { get; init; } = "node-a";

    public string Project { get; init; } = "demo";

    public string Runtime { get; init; } = "opencode";

    public bool Equivalent { get; init; }

    public long Messages { get; init; } = 1;

    public long PricedMessages { get; init; }

    public long Input { get; init; }

    public long Output { get; init; }

    public long Reasoning { get; init; }

    public long CacheRead { get; init; }

    public long CacheWrite { get; init; }

    public long CostNanos { get; init; }

    /// <summary>A row on local day <paramref name="day"/> in a zone whose midnight is UTC's (hour 12:00 UTC of that day).</summary>
    public static LedgerRow OnDay(DateOnly day) => new() { HourUtc = Text(day) + "T12:00:00Z", DayLocal = Text(day) };

    /// <summary>A row booked at local time <paramref name="time"/> of local day <paramref name="day"/> in <paramref name="zone"/>.</summary>
    public static LedgerRow At(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        var utc = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        return new() { HourUtc = utc.ToString("yyyy-MM-dd'T'HH':00:00Z'", CultureInfo.InvariantCulture), DayLocal = Text(day) };
    }

    public static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static async Task InsertAsync(SupervisorHost host, params LedgerRow[] rows)
    {
        await using var connection = new SqliteConnection($"Data Source={host.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        using var busy = connection.CreateCommand();
        busy.CommandText = "PRAGMA busy_timeout = 5000";
        await busy.ExecuteNonQueryAsync();
        foreach (var row in rows)
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO cost_ledger (hour_utc, day_local, session_id, provider, model, account, node_id, project, runtime, equivalent,
                    messages, priced_messages, input_tokens, output_tokens, reasoning_tokens, cache_read_tokens, cache_write_tokens, cost_nanos)
                VALUES ($hour, $day, $session, $provider, $model, $account, $node, $project, $runtime, $equivalent,
                    $messages, $priced, $input, $output, $reasoning, $cache_read, $cache_write, $cost)
                """;
            insert.Parameters.AddWithValue("$hour", row.HourUtc);
            insert.Parameters.AddWithValue("$day", row.DayLocal);
            insert.Parameters.AddWithValue("$session", row.SessionId);
            insert.Parameters.AddWithValue("$provider", row.Provider);
            insert.Parameters.AddWithValue("$model", row.Model);
            insert.Parameters.AddWithValue("$account", row.Account);
            insert.Parameters.AddWithValue("$node", row.NodeId);
            insert.Parameters.AddWithValue("$project", row.Project);
            insert.Parameters.AddWithValue("$runtime", row.Runtime);
            insert.Parameters.AddWithValue("$equivalent", row.Equivalent ? 1 : 0);
            insert.Parameters.AddWithValue("$messages", row.Messages);
            insert.Parameters.AddWithValue("$priced", row.PricedMessages);
            insert.Parameters.AddWithValue("$input", row.Input);
            insert.Parameters.AddWithValue("$output", row.Output);
            insert.Parameters.AddWithValue("$reasoning", row.Reasoning);
            insert.Parameters.AddWithValue("$cache_read", row.CacheRead);
            insert.Parameters.AddWithValue("$cache_write", row.CacheWrite);
            insert.Parameters.AddWithValue("$cost", row.CostNanos);
            await insert.ExecuteNonQueryAsync();
        }
    }
}
