using System.Globalization;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;

namespace HalOSwarm.Supervisor.Commands;

/// <summary>What the restart handover reads and writes besides commands: the session's events and its successor link.</summary>
internal sealed class RestartQueries(IDatabase database)
{
    public async Task<long> LastEventIdAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT coalesce(max(id), 0) FROM events";
        return Convert.ToInt64(await query.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>True once a turn started and ended after event <paramref name="afterId"/>, or the session ended.</summary>
    public async Task<bool> TurnEndedAsync(string sessionId, long afterId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var query = connection.CreateCommand();
        query.CommandText = """
            SELECT CASE WHEN EXISTS (
                SELECT 1 FROM events r JOIN events i ON i.session_id = r.session_id AND i.id > r.id
                WHERE r.session_id = @sid AND r.id > @after AND r.type = @running AND i.type IN (@idle, @error))
            OR EXISTS (SELECT 1 FROM sessions WHERE session_id = @sid AND status IN ('completed', 'killed')) THEN 1 ELSE 0 END
            """;
        query.AddParameter("@sid", sessionId);
        query.AddParameter("@after", afterId);
        query.AddParameter("@running", EventTypes.SessionRunning);
        query.AddParameter("@idle", EventTypes.SessionIdle);
        query.AddParameter("@error", EventTypes.SessionError);
        return Convert.ToInt64(await query.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 1;
    }

    /// <summary>The runtime and worktree use of a session, so its successor starts the same way.</summary>
    public async Task<(string? Runtime, bool Worktree)> StartShapeAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT runtime, CASE WHEN worktree IS NOT NULL THEN 1 ELSE 0 END FROM sessions WHERE session_id = @sid";
        query.AddParameter("@sid", sessionId);
        using var reader = await query.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (reader.IsDBNull(0) ? null : reader.GetString(0), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture) == 1)
            : (null, false);
    }

    /// <summary>Sets the new session's parent; false while the new session is not tracked yet.</summary>
    public async Task<bool> LinkAsync(string sessionId, string parentSessionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var update = connection.CreateCommand();
        update.CommandText = "UPDATE sessions SET parent_session_id = @parent WHERE session_id = @sid";
        update.AddParameter("@sid", sessionId);
        update.AddParameter("@parent", parentSessionId);
        return await update.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
