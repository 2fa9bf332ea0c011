using System.Data.Common;
using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Commands;

/// <summary>
/// The commands table. Writes are typed ops (<see cref="CommandInsert"/>, <see cref="CommandUpdate"/>) applied by
/// <see cref="CommandWriteHandler"/> in the storage writer's priority lane, so a command never waits behind event
/// ingest; each returns once it is committed. Reads use their own connections.
/// </summary>
internal sealed class CommandStore(IDatabase database, IStorageWriter writer)
{
    public const string Columns = """
        command_id, type, node_id, session_id, project, args, state, result, error, error_code, created_at, updated_at,
        actor, idempotency_key, attempts, deadline_at, finished_at, parent_command_id, correlation_id
        """;

    /// <summary>
    /// Stores <paramref name="command"/> unless its idempotency key already names a command that did not fail;
    /// that command is returned instead (Created false). A key whose command failed, timed out or was cancelled
    /// moves to the new command.
    /// </summary>
    public Task<(CommandDto Command, bool Created)> InsertAsync(CommandDto command, string? sourceAddress, CancellationToken cancellationToken) =>
        writer.WriteAsync(new CommandInsert(command, sourceAddress), cancellationToken);

    /// <summary>Writes the command's state, attempts, deadline and outcome; returns once that is durable.</summary>
    public Task UpdateAsync(CommandDto command, CancellationToken cancellationToken, bool refinished = false) =>
        writer.WriteAsync(new CommandUpdate(command, refinished), cancellationToken);

    public async Task<CommandDto?> GetAsync(string commandId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {Columns} FROM commands WHERE command_id = @id";
        query.AddParameter("@id", commandId);
        var rows = await ReadAsync(query, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>
    /// Commands not finished yet (of <paramref name="nodeId"/> only, when given), oldest first: what the dispatcher picks up
    /// again after a restart, or takes over from another supervisor when the node connects here.
    /// </summary>
    public async Task<IReadOnlyList<CommandDto>> ListOpenAsync(string? nodeId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var query = connection.CreateCommand();
        query.CommandText = $"""
            SELECT {Columns} FROM commands WHERE state IN ('pending', 'sent', 'accepted') AND (CAST(@node AS TEXT) IS NULL OR node_id = @node)
            ORDER BY created_at, command_id
            """;
        query.AddParameter("@node", nodeId);
        return await ReadAsync(query, cancellationToken);
    }

    /// <summary>Commands a gate holds (<see cref="CommandStates.Held"/>), oldest first.</summary>
    /// <summary>The node the latest <c>start</c> of <paramref name="project"/> went to (for round-robin placement), or null.</summary>
    public async Task<string?> LastStartNodeAsync(string project, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT node_id FROM commands WHERE type = 'start' AND project = @project ORDER BY created_at DESC, command_id DESC LIMIT 1";
        command.AddParameter("@project", project);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task<IReadOnlyList<CommandDto>> ListHeldAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {Columns} FROM commands WHERE state = 'held' ORDER BY created_at, command_id";
        return await ReadAsync(query, cancellationToken);
    }

    /// <summary>One page, newest first; the extra row fetched tells whether there is a next page.</summary>
    public async Task<(IReadOnlyList<CommandDto> Page, bool HasMore)> ListAsync(CommandFilter filter, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var query = connection.CreateCommand();
        var where = new List<string>();
        Add(query, where, "session_id", filter.SessionId);
        Add(query, where, "state", filter.State);
        Add(query, where, "node_id", filter.NodeId);
        Add(query, where, "type", filter.Type);
        if (filter.AfterCreatedAt is not null)
        {
            where.Add("(created_at < @cc OR (created_at = @cc AND command_id < @cid))");
            query.AddParameter("@cc", filter.AfterCreatedAt);
            query.AddParameter("@cid", filter.AfterCommandId);
        }
        query.CommandText = $"SELECT {Columns} FROM commands"
            + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "")
            + " ORDER BY created_at DESC, command_id DESC LIMIT @limit";
        query.AddParameter("@limit", filter.Limit + 1);
        var rows = await ReadAsync(query, cancellationToken);
        var hasMore = rows.Count > filter.Limit;
        return (hasMore ? rows.GetRange(0, filter.Limit) : rows, hasMore);
    }

    public static string CursorKey(CommandDto last) => $"{SqliteTime.Format(last.CreatedAt)}|{last.CommandId}";

    private static void Add(DbCommand command, List<string> where, string column, string? value)
    {
        if (value is not null)
        {
            where.Add($"{column} = @{column}");
            command.AddParameter($"@{column}", value);
        }
    }

    // Microsoft.Data.Sqlite runs its async methods synchronously, so one synchronous reader serves both paths.
    private static Task<List<CommandDto>> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Read(command));
    }

    /// <summary>Reads rows selected with <see cref="Columns"/>.</summary>
    public static List<CommandDto> Read(DbCommand command)
    {
        var rows = new List<CommandDto>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new CommandDto(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), Text(reader, 3), Text(reader, 4),
                Parse(reader.GetString(5)), reader.GetString(6), Text(reader, 7) is { } result ? Parse(result) : null,
                Text(reader, 8), Text(reader, 9), SqliteTime.Parse(reader.GetString(10)), SqliteTime.Parse(reader.GetString(11)),
                reader.GetString(12), Text(reader, 13), reader.GetInt32(14), SqliteTime.ParseNullable(Text(reader, 15)),
                SqliteTime.ParseNullable(Text(reader, 16)), Text(reader, 17), Text(reader, 18)));
        }
        return rows;
    }

    private static JsonElement Parse(string json) => JsonSerializer.Deserialize(json, ProtocolJsonContext.Default.JsonElement);

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
