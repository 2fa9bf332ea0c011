using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;

namespace HalOSwarm.Supervisor.Events;

/// <summary>Reads of the event log by id (the global cursor), each on its own connection.</summary>
internal sealed class EventQueries(IDatabase database)
{
    /// <summary>A page stops before the event that would take its data past this many characters (it holds at least one).</summary>
    public const int MaxPageDataChars = 4 * 1024 * 1024;

    /// <summary>The highest event id stored, 0 when there is none.</summary>
    public async Task<long> MaxIdAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(id), 0) FROM events";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<(IReadOnlyList<StoredEvent> Page, bool HasMore)> ListAsync(
        EventFilter filter, bool descending, long? afterId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        var where = new List<string>();
        filter.AppendSql(command, where);
        if (afterId is { } cursor)
        {
            where.Add(descending ? "id < @cursor" : "id > @cursor");
            command.AddParameter("@cursor", cursor);
        }
        command.CommandText = "SELECT id, node_id, seq, type, session_id, ts, data FROM events"
            + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "")
            + (descending ? " ORDER BY id DESC" : " ORDER BY id ASC")
            + " LIMIT @limit";
        command.AddParameter("@limit", limit + 1);
        var rows = new List<StoredEvent>();
        var chars = 0L;
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (rows.Count == limit)
            {
                return (rows, true);
            }
            var data = reader.GetString(6);
            chars += data.Length;
            if (rows.Count > 0 && chars > MaxPageDataChars)
            {
                return (rows, true);
            }
            rows.Add(new StoredEvent(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetInt64(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                SqliteTime.Parse(reader.GetString(5)),
                data));
        }
        return (rows, false);
    }
}
