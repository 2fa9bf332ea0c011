using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;

namespace HalOSwarm.Supervisor.Events;

/// <summary>The last event id an event consumer has handled (table <c>event_cursors</c>).</summary>
internal sealed class EventCursorStore(IDatabase database, TimeProvider timeProvider)
{
    /// <summary>The stored cursor; a consumer seen for the first time starts at the newest event (history is not replayed).</summary>
    public async Task<long> GetAsync(string consumer, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce((SELECT last_id FROM event_cursors WHERE consumer = @c), (SELECT max(id) FROM events), 0)";
        command.AddParameter("@c", consumer);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task SaveAsync(string consumer, long lastId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO event_cursors (consumer, last_id, updated_at) VALUES (@c, @id, @now)
            ON CONFLICT (consumer) DO UPDATE SET last_id = CASE WHEN excluded.last_id > event_cursors.last_id THEN excluded.last_id ELSE event_cursors.last_id END, updated_at = excluded.updated_at
            """;
        command.AddParameter("@c", consumer);
        command.AddParameter("@id", lastId);
        command.AddParameter("@now", SqliteTime.Format(timeProvider.GetUtcNow()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
