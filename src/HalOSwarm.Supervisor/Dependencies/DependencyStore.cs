using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;

namespace HalOSwarm.Supervisor.Dependencies;

/// <summary>Which projects are done and which dependents each milestone triggered (tables <c>dependency_done</c>, <c>dependency_triggers</c>).</summary>
internal sealed class DependencyStore(IDatabase database)
{
    public async Task<HashSet<string>> DoneAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT project FROM dependency_done";
        var done = new HashSet<string>(StringComparer.Ordinal);
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            done.Add(reader.GetString(0));
        }
        return done;
    }

    public async Task MarkDoneAsync(string project, string source, long eventId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO dependency_done (project, done_at, source, event_id) VALUES (@p, @at, @source, @id)
            ON CONFLICT (project) DO UPDATE SET done_at = excluded.done_at, source = excluded.source, event_id = excluded.event_id
            """;
        command.AddParameter("@p", project);
        command.AddParameter("@at", SqliteTime.Format(at));
        command.AddParameter("@source", source);
        command.AddParameter("@id", eventId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> WasTriggeredAsync(string project, long milestoneId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM dependency_triggers WHERE project = @p AND milestone_id = @m";
        command.AddParameter("@p", project);
        command.AddParameter("@m", milestoneId);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public async Task RecordTriggerAsync(string project, long milestoneId, string? commandId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO dependency_triggers (project, milestone_id, command_id, triggered_at) VALUES (@p, @m, @c, @at)
            ON CONFLICT (project, milestone_id) DO NOTHING
            """;
        command.AddParameter("@p", project);
        command.AddParameter("@m", milestoneId);
        command.AddParameter("@c", (object?)commandId ?? DBNull.Value);
        command.AddParameter("@at", SqliteTime.Format(at));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
