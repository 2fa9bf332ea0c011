using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;

namespace HalOSwarm.Supervisor.Governance;

/// <summary>
/// What the charter's limits count, read from the database at the moment of the check: active sessions (starting,
/// running, idle) per node and per project, a session's prompts in a rolling window (the stored prompt, inject and
/// resume commands), and the active sessions older than a given start.
/// </summary>
internal sealed class CharterCounts(IDatabase database)
{
    private const string Active = $"status IN ('{SessionStatuses.Starting}', '{SessionStatuses.Running}', '{SessionStatuses.Idle}')";

    public Task<long> ActiveOnNodeAsync(string nodeId, CancellationToken cancellationToken) =>
        CountAsync($"SELECT COUNT(*) FROM sessions WHERE {Active} AND node_id = @value", nodeId, null, cancellationToken);

    public Task<long> ActiveInProjectAsync(string project, CancellationToken cancellationToken) =>
        CountAsync($"SELECT COUNT(*) FROM sessions WHERE {Active} AND project = @value", project, null, cancellationToken);

    public Task<long> PromptsSinceAsync(string sessionId, DateTimeOffset since, CancellationToken cancellationToken) =>
        CountAsync("SELECT COUNT(*) FROM commands WHERE session_id = @value AND type IN ('prompt', 'inject', 'resume') AND created_at >= @since",
            sessionId, SqliteTime.Format(since), cancellationToken);

    /// <summary>Active sessions that started before <paramref name="startedBefore"/>: id, node, project, start.</summary>
    public async Task<IReadOnlyList<(string SessionId, string NodeId, string? Project, DateTimeOffset StartedAt)>> ActiveStartedBeforeAsync(
        DateTimeOffset startedBefore, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT session_id, node_id, project, started_at FROM sessions WHERE {Active} AND started_at < @before";
        command.AddParameter("@before", SqliteTime.Format(startedBefore));
        var rows = new List<(string, string, string?, DateTimeOffset)>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), SqliteTime.Parse(reader.GetString(3))));
        }
        return rows;
    }

    private async Task<long> CountAsync(string sql, string value, string? since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.AddParameter("@value", value);
        if (since is not null)
        {
            command.AddParameter("@since", since);
        }
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
