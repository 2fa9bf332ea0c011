using System.Data.Common;
using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Dashboard.Fleet;

/// <summary>Turns the fleet reads' rows into records.</summary>
internal static class FleetReader
{
    public static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static async Task<List<FleetNodeRow>> NodesAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<FleetNodeRow>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new FleetNodeRow(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), Text(reader, 3),
                JsonSerializer.Deserialize(reader.GetString(4), ProtocolJsonContext.Default.IReadOnlyListProjectInfo) ?? [],
                JsonSerializer.Deserialize(reader.GetString(5), ProtocolJsonContext.Default.IReadOnlyListRuntimeInfo) ?? [],
                reader.IsDBNull(6) ? null : JsonSerializer.Deserialize(reader.GetString(6), ProtocolJsonContext.Default.ResourceUsage),
                SqliteTime.ParseNullable(Text(reader, 7)), reader.GetInt64(8)));
        }
        return rows;
    }

    public static async Task<Dictionary<string, long>> CountsAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }
        return counts;
    }

    public static async Task<List<string>> StringsAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<string>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }
}
