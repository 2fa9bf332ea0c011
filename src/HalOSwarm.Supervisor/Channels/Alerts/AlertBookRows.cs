using System.Data.Common;
using System.Text.Json;
using HalOSwarm.Supervisor.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Channels.Alerts;

/// <summary>
/// Reads a <c>channel_alerts</c> row into an <see cref="Alert"/>: the stored JSON (without its answer) plus the answer
/// columns. Every query that reads alerts selects <see cref="Columns"/> in this order.
/// </summary>
internal static class AlertBookRows
{
    /// <summary>The answer's outcome while the action taken is still running (claimed, not completed).</summary>
    public const string InProgress = "in progress";

    public const string Columns =
        "a.id, a.alert, a.answered_action, a.answered_actor, a.answered_by, a.answered_platform, a.answered_at, a.answered_outcome";

    public const int ColumnCount = 8;

    public static Alert Read(DbDataReader reader, int first)
    {
        var alert = JsonSerializer.Deserialize(reader.GetString(first + 1), AlertsJsonContext.Default.Alert)
            ?? throw new InvalidDataException($"channel_alerts {reader.GetInt64(first)}: the alert JSON is null");
        var answer = reader.IsDBNull(first + 2)
            ? null
            : new AlertAnswer(reader.GetString(first + 2), Text(reader, first + 3) ?? "", Text(reader, first + 4) ?? "", Text(reader, first + 5) ?? "",
                SqliteTime.ParseNullable(Text(reader, first + 6)) ?? default, Text(reader, first + 7) ?? InProgress);
        return alert with { AlertId = reader.GetInt64(first), Answer = answer };
    }

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
