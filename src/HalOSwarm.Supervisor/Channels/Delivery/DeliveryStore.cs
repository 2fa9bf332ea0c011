using System.Data.Common;
using HalOSwarm.Supervisor.Channels.Alerts;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Channels.Delivery;

/// <summary>Reads of the outbox (<c>channel_deliveries</c>) for the dispatcher, the API and the metrics; writes go through the writer.</summary>
internal sealed class DeliveryStore(IDatabase database)
{
    private readonly string _viewColumns = $"""
        d.id, d.alert_id, d.target, d.op, d.state, d.attempts, d.next_attempt_at, d.last_error, d.created_at, d.delivered_at,
        a.rule, a.event_type, coalesce({(database.IsPostgres() ? "a.alert::jsonb ->> 'title'" : "json_extract(a.alert, '$.title')")}, '')
        """;

    /// <summary>
    /// Pending deliveries due at <paramref name="now"/>, oldest first. An update waits while its post is pending (it
    /// is returned once the post is delivered or failed, or when it has no post at all).
    /// </summary>
    public async Task<IReadOnlyList<OutboxItem>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var query = connection.CreateCommand();
        query.CommandText = $"""
            SELECT d.id, d.target, d.op, d.attempts, p.state, p.message_ref, {AlertBookRows.Columns}
            FROM channel_deliveries d
            JOIN channel_alerts a ON a.id = d.alert_id
            LEFT JOIN channel_deliveries p ON d.op = 'update' AND p.alert_id = d.alert_id AND p.target = d.target AND p.op = 'post'
            WHERE d.state = 'pending' AND d.next_attempt_at <= @now AND (d.op = 'post' OR p.state IS NULL OR p.state <> 'pending')
            ORDER BY d.id LIMIT @limit
            """;
        query.AddParameter("@now", SqliteTime.Format(now));
        query.AddParameter("@limit", limit);
        var items = new List<OutboxItem>();
        using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new OutboxItem(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), AlertBookRows.Read(reader, 6),
                Text(reader, 4), Text(reader, 5)));
        }
        return items;
    }

    public async Task<(IReadOnlyList<DeliveryView> Page, bool HasMore)> ListAsync(DeliveryFilter filter, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var query = connection.CreateCommand();
        var where = new List<string>();
        Add(query, where, "d.state = @state", "@state", filter.State);
        Add(query, where, "d.target = @target", "@target", filter.Target);
        Add(query, where, "d.alert_id = @alert", "@alert", filter.AlertId);
        Add(query, where, "d.id < @before", "@before", filter.BeforeId);
        query.CommandText = $"SELECT {_viewColumns} FROM channel_deliveries d JOIN channel_alerts a ON a.id = d.alert_id"
            + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "") + " ORDER BY d.id DESC LIMIT @limit";
        query.AddParameter("@limit", filter.Limit + 1);
        var rows = await ReadViewsAsync(query, cancellationToken);
        var hasMore = rows.Count > filter.Limit;
        return (hasMore ? rows.GetRange(0, filter.Limit) : rows, hasMore);
    }

    /// <summary>Every delivery of one alert, oldest first.</summary>
    public async Task<IReadOnlyList<DeliveryView>> ForAlertAsync(long alertId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {_viewColumns} FROM channel_deliveries d JOIN channel_alerts a ON a.id = d.alert_id WHERE d.alert_id = @alert ORDER BY d.id";
        query.AddParameter("@alert", alertId);
        return await ReadViewsAsync(query, cancellationToken);
    }

    public async Task<IReadOnlyList<TargetCounts>> CountsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var query = connection.CreateCommand();
        query.CommandText = """
            SELECT target, sum(CASE WHEN state = 'pending' THEN 1 ELSE 0 END), sum(CASE WHEN state = 'delivered' THEN 1 ELSE 0 END),
                   sum(CASE WHEN state = 'failed' THEN 1 ELSE 0 END)
            FROM channel_deliveries GROUP BY target ORDER BY target
            """;
        var counts = new List<TargetCounts>();
        using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(new TargetCounts(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)));
        }
        return counts;
    }

    /// <summary>Pending deliveries by platform kind, for the <c>/metrics</c> gauge (read when scraped).</summary>
    public IReadOnlyList<(string Kind, long Count)> PendingByKind()
    {
        using var connection = database.OpenConnectionAsync(CancellationToken.None).GetAwaiter().GetResult();
        using var query = connection.CreateCommand();
        var kind = database.IsPostgres() ? "split_part(target, ':', 1)" : "substr(target, 1, instr(target || ':', ':') - 1)";
        query.CommandText = $"SELECT {kind}, count(*) FROM channel_deliveries WHERE state = 'pending' GROUP BY 1";
        var rows = new List<(string, long)>();
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetInt64(1)));
        }
        return rows;
    }

    private static async Task<List<DeliveryView>> ReadViewsAsync(DbCommand query, CancellationToken cancellationToken)
    {
        var rows = new List<DeliveryView>();
        using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new DeliveryView
            {
                Id = reader.GetInt64(0),
                AlertId = reader.GetInt64(1),
                Target = reader.GetString(2),
                Op = reader.GetString(3),
                State = reader.GetString(4),
                Attempts = reader.GetInt32(5),
                NextAttemptAt = SqliteTime.Parse(reader.GetString(6)),
                LastError = Text(reader, 7),
                CreatedAt = SqliteTime.Parse(reader.GetString(8)),
                DeliveredAt = SqliteTime.ParseNullable(Text(reader, 9)),
                Rule = reader.GetString(10),
                EventType = reader.GetString(11),
                Title = reader.GetString(12),
            });
        }
        return rows;
    }

    private static void Add(DbCommand command, List<string> where, string clause, string parameter, object? value)
    {
        if (value is not null)
        {
            where.Add(clause);
            command.AddParameter(parameter, value);
        }
    }

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
