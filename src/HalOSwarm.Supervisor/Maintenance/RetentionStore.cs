using System.Globalization;
using HalOSwarm.Supervisor.Events;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;

namespace HalOSwarm.Supervisor.Maintenance;

/// <summary>Retention's reads, on a reader connection of its own: which events are old, and which of them are still needed.</summary>
internal sealed class RetentionStore(IDatabase database, OpenFeedReaders readers)
{
    /// <summary>
    /// What must stay whatever its age: every event above <see cref="RetentionLimits.MaxId"/> (an open reader or a
    /// recently saved consumer cursor has not read past it) and each node's newest event plus the newest of all
    /// (<see cref="RetentionLimits.Protected"/>).
    /// </summary>
    public async Task<RetentionLimits> LimitsAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var maxId = readers.LowestNeededAfter() ?? long.MaxValue;
        using (var cursors = connection.CreateCommand())
        {
            // A cursor not saved for longer than events are kept belongs to a consumer that is not running (a policy
            // switched off): it does not hold retention back. One saved since still gets every event after it.
            cursors.CommandText = "SELECT min(last_id) FROM event_cursors WHERE updated_at >= @cutoff";
            cursors.AddParameter("@cutoff", SqliteTime.Format(cutoff));
            if (await cursors.ExecuteScalarAsync(cancellationToken) is long cursor)
            {
                maxId = Math.Min(maxId, cursor);
            }
        }
        var kept = new HashSet<long>();
        using (var newest = connection.CreateCommand())
        {
            newest.CommandText = """
                SELECT max(id) FROM events
                UNION ALL
                SELECT (SELECT max(id) FROM events e WHERE e.node_id = n.node_id) FROM nodes n
                """;
            using var reader = await newest.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (!reader.IsDBNull(0))
                {
                    kept.Add(reader.GetInt64(0));
                }
            }
        }
        return new RetentionLimits(maxId, kept);
    }

    /// <summary>The next events older than <paramref name="cutoff"/> after (<paramref name="afterTs"/>, <paramref name="afterId"/>), oldest first.</summary>
    public async Task<IReadOnlyList<StoredEvent>> NextAsync(DateTimeOffset cutoff, string afterTs, long afterId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, node_id, seq, type, session_id, ts, data FROM events
            WHERE ts < @cutoff AND (ts, id) > (@ts, @id)
            ORDER BY ts, id LIMIT @limit
            """;
        command.AddParameter("@cutoff", SqliteTime.Format(cutoff));
        command.AddParameter("@ts", afterTs);
        command.AddParameter("@id", afterId);
        command.AddParameter("@limit", limit);
        var rows = new List<StoredEvent>(limit);
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new StoredEvent(reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt64(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), SqliteTime.Parse(reader.GetString(5)), reader.GetString(6)));
        }
        return rows;
    }

    /// <summary>Stored events in all, for the pass's log line.</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM events";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}
