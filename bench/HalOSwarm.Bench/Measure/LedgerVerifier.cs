using Microsoft.Data.Sqlite;

namespace HalOSwarm.Bench.Measure;

/// <summary>Reads the supervisor's cost ledger (read-only) next to the usage events of the nodes whose ids start with a prefix.</summary>
internal static class LedgerVerifier
{
    /// <summary>Usage events stored, messages booked and nano-dollars booked for the sessions of those nodes.</summary>
    public static async Task<(long UsageEvents, long Booked, long CostNanos)> CountAsync(string databasePath, string nodePrefix, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT count(*) FROM events WHERE type = 'usage' AND node_id >= $lo AND node_id < $hi),
                   coalesce(sum(messages), 0), coalesce(sum(cost_nanos), 0)
            FROM cost_ledger WHERE node_id >= $lo AND node_id < $hi
            """;
        command.Parameters.AddWithValue("$lo", nodePrefix);
        command.Parameters.AddWithValue("$hi", nodePrefix + "\uffff");
        command.CommandTimeout = 600;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }
}
