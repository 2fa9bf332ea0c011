using System.Data.Common;
using System.Text.Json;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Channels.Alerts;

/// <summary>Reads of the stored alerts and their deliveries, newest first, each on its own connection.</summary>
internal sealed class AlertQueries(IDatabase database)
{
    public const int MaxLimit = 500;

    /// <summary>The newest alerts, optionally of one session and/or one rule, with their deliveries.</summary>
    public async Task<IReadOnlyList<StoredAlert>> ListAsync(string? sessionId, string? rule, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        var where = new List<string>();
        if (sessionId is not null)
        {
            where.Add("session_id = @session");
            command.AddParameter("@session", sessionId);
        }
        if (rule is not null)
        {
            where.Add("rule = @rule");
            command.AddParameter("@rule", rule);
        }
        command.CommandText = """
            SELECT id, dedup_key, alert, created_at, answered_action, answered_actor, answered_by, answered_platform, answered_at, answered_outcome
            FROM channel_alerts
            """ + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "") + " ORDER BY id DESC LIMIT @limit";
        command.AddParameter("@limit", Math.Clamp(limit, 1, MaxLimit));
        var rows = new List<(long Id, string Key, Alert Alert, DateTimeOffset At)>();
        using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetInt64(0), reader.GetString(1), Read(reader), SqliteTime.Parse(reader.GetString(3))));
            }
        }
        var result = new List<StoredAlert>(rows.Count);
        foreach (var (id, key, alert, at) in rows)
        {
            result.Add(new StoredAlert(id, key, alert, at, await DeliveriesAsync(connection, id, cancellationToken)));
        }
        return result;
    }

    public async Task<StoredAlert?> GetAsync(long alertId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, dedup_key, alert, created_at, answered_action, answered_actor, answered_by, answered_platform, answered_at, answered_outcome
            FROM channel_alerts WHERE id = @id
            """;
        command.AddParameter("@id", alertId);
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        var (key, alert, at) = (reader.GetString(1), Read(reader), SqliteTime.Parse(reader.GetString(3)));
        return new StoredAlert(alertId, key, alert, at, await DeliveriesAsync(connection, alertId, cancellationToken));
    }

    /// <summary>The alert JSON with the row's id and answer columns applied.</summary>
    private static Alert Read(DbDataReader reader)
    {
        var alert = JsonSerializer.Deserialize(reader.GetString(2), AlertsJsonContext.Default.Alert)! with { AlertId = reader.GetInt64(0) };
        return reader.IsDBNull(4) ? alert : alert with
        {
            Answer = new AlertAnswer(reader.GetString(4), Text(reader, 5) ?? "", Text(reader, 6) ?? "", Text(reader, 7) ?? "",
                SqliteTime.ParseNullable(Text(reader, 8)) ?? default, Text(reader, 9) ?? ""),
        };
    }

    private static async Task<IReadOnlyList<StoredDelivery>> DeliveriesAsync(DbConnection connection, long alertId, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, target, op, state, attempts, last_error, message_ref FROM channel_deliveries WHERE alert_id = @id ORDER BY id";
        command.AddParameter("@id", alertId);
        var rows = new List<StoredDelivery>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new StoredDelivery(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4),
                Text(reader, 5), Text(reader, 6)));
        }
        return rows;
    }

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
