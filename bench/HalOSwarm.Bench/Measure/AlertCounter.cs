using Microsoft.Data.Sqlite;

namespace HalOSwarm.Bench.Measure;

/// <summary>Reads (read-only) what the supervisor's router stored, and how far its cursor is behind the newest event.</summary>
internal static class AlertCounter
{
    public static async Task<(long Alerts, long Deliveries, long CursorBehind)> CountAsync(string databasePath, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT count(*) FROM channel_alerts), (SELECT count(*) FROM channel_deliveries),
                   coalesce((SELECT max(id) FROM events), 0) - coalesce((SELECT last_id FROM event_cursors WHERE consumer = 'channels'), 0)
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }
}
