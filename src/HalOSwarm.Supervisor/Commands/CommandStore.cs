using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Events;
using HalOSwarm.Supervisor.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Commands;

/// <summary>
/// The commands table. Writes run inside the event writer's next batch (<see cref="EventSinkExtensions.RunInWriterAsync"/>),
/// so a command never waits for SQLite's write lock behind event ingest. The insert is where idempotency is decided:
/// the single writer reads the key's command and inserts the new one in one step, and a unique index on active keys
/// backs it up. Reads use their own connections.
/// </summary>
internal sealed class CommandStore(SqliteDatabase database, IEventSink writer)
{
    private const string Columns = """
        command_id, type, node_id, session_id, project, args, state, result, error, error_code, created_at, updated_at,
        actor, idempotency_key, attempts, deadline_at, finished_at, parent_command_id
        """;

    /// <summary>
    /// Stores <paramref name="command"/> unless its idempotency key already names a command that did not fail;
    /// that command is returned instead (Created false). A key whose command failed, timed out or was cancelled
    /// moves to the new command.
    /// </summary>
    public async Task<(CommandDto Command, bool Created)> InsertAsync(CommandDto command, string? sourceAddress, CancellationToken cancellationToken)
    {
        (CommandDto Command, bool Created) outcome = default;
        await writer.RunInWriterAsync((connection, transaction) => outcome = Insert(connection, transaction, command, sourceAddress), cancellationToken);
        return outcome;
    }

    private static (CommandDto Command, bool Created) Insert(SqliteConnection connection, SqliteTransaction transaction, CommandDto command, string? sourceAddress)
    {
        if (command.IdempotencyKey is { } key)
        {
            using var find = connection.CreateCommand();
            find.Transaction = transaction;
            find.CommandText = $"SELECT {Columns} FROM commands WHERE idempotency_key = $key AND key_active = 1";
            find.Parameters.AddWithValue("$key", key);
            var existing = Read(find);
            if (existing.Count > 0 && !CommandStates.ReleasesKey(existing[0].State))
            {
                return (existing[0], false);
            }
            if (existing.Count > 0)
            {
                using var release = connection.CreateCommand();
                release.Transaction = transaction;
                release.CommandText = "UPDATE commands SET key_active = 0 WHERE command_id = $id";
                release.Parameters.AddWithValue("$id", existing[0].CommandId);
                release.ExecuteNonQuery();
            }
        }
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO commands (command_id, type, node_id, session_id, project, args, state, created_at, updated_at,
                                  actor, idempotency_key, key_active, attempts, parent_command_id, source_address)
            VALUES ($id, $type, $node, $session, $project, $args, $state, $at, $at, $actor, $key, $active, 0, $parent, $source)
            """;
        insert.Parameters.AddWithValue("$id", command.CommandId);
        insert.Parameters.AddWithValue("$type", command.Type);
        insert.Parameters.AddWithValue("$node", command.NodeId);
        insert.Parameters.AddWithValue("$session", (object?)command.SessionId ?? DBNull.Value);
        insert.Parameters.AddWithValue("$project", (object?)command.Project ?? DBNull.Value);
        insert.Parameters.AddWithValue("$args", command.Args.GetRawText());
        insert.Parameters.AddWithValue("$state", command.State);
        insert.Parameters.AddWithValue("$at", SqliteTime.Format(command.CreatedAt));
        insert.Parameters.AddWithValue("$actor", command.Actor);
        insert.Parameters.AddWithValue("$key", (object?)command.IdempotencyKey ?? DBNull.Value);
        insert.Parameters.AddWithValue("$active", command.IdempotencyKey is null ? 0 : 1);
        insert.Parameters.AddWithValue("$parent", (object?)command.ParentCommandId ?? DBNull.Value);
        insert.Parameters.AddWithValue("$source", (object?)sourceAddress ?? DBNull.Value);
        insert.ExecuteNonQuery();
        return (command, true);
    }

    /// <summary>Writes the command's state, attempts, deadline and outcome.</summary>
    public Task UpdateAsync(CommandDto command, CancellationToken cancellationToken) =>
        writer.RunInWriterAsync((connection, transaction) => Update(connection, transaction, command), cancellationToken);

    private static void Update(SqliteConnection connection, SqliteTransaction transaction, CommandDto command)
    {
        using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = """
            UPDATE commands SET state = $state, result = $result, error = $error, error_code = $code, updated_at = $at,
                                attempts = $attempts, deadline_at = $deadline, finished_at = $finished, session_id = $session
            WHERE command_id = $id
            """;
        update.Parameters.AddWithValue("$id", command.CommandId);
        update.Parameters.AddWithValue("$state", command.State);
        update.Parameters.AddWithValue("$result", command.Result is { ValueKind: not JsonValueKind.Undefined } r ? r.GetRawText() : DBNull.Value);
        update.Parameters.AddWithValue("$error", (object?)command.Error ?? DBNull.Value);
        update.Parameters.AddWithValue("$code", (object?)command.ErrorCode ?? DBNull.Value);
        update.Parameters.AddWithValue("$at", SqliteTime.Format(command.UpdatedAt));
        update.Parameters.AddWithValue("$attempts", command.Attempts);
        update.Parameters.AddWithValue("$deadline", (object?)SqliteTime.Format(command.Deadline) ?? DBNull.Value);
        update.Parameters.AddWithValue("$finished", (object?)SqliteTime.Format(command.FinishedAt) ?? DBNull.Value);
        update.Parameters.AddWithValue("$session", (object?)command.SessionId ?? DBNull.Value);
        update.ExecuteNonQuery();
    }

    public async Task<CommandDto?> GetAsync(string commandId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {Columns} FROM commands WHERE command_id = $id";
        query.Parameters.AddWithValue("$id", commandId);
        var rows = await ReadAsync(query, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Commands not finished yet, oldest first: what the dispatcher picks up again after a restart.</summary>
    public async Task<IReadOnlyList<CommandDto>> ListOpenAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {Columns} FROM commands WHERE state IN ('pending', 'sent', 'accepted') ORDER BY created_at, command_id";
        return await ReadAsync(query, cancellationToken);
    }

    /// <summary>One page, newest first; the extra row fetched tells whether there is a next page.</summary>
    public async Task<(IReadOnlyList<CommandDto> Page, bool HasMore)> ListAsync(CommandFilter filter, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var query = connection.CreateCommand();
        var where = new List<string>();
        Add(query, where, "session_id", filter.SessionId);
        Add(query, where, "state", filter.State);
        Add(query, where, "node_id", filter.NodeId);
        Add(query, where, "type", filter.Type);
        if (filter.AfterCreatedAt is not null)
        {
            where.Add("(created_at < $cc OR (created_at = $cc AND command_id < $cid))");
            query.Parameters.AddWithValue("$cc", filter.AfterCreatedAt);
            query.Parameters.AddWithValue("$cid", filter.AfterCommandId);
        }
        query.CommandText = $"SELECT {Columns} FROM commands"
            + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "")
            + " ORDER BY created_at DESC, command_id DESC LIMIT $limit";
        query.Parameters.AddWithValue("$limit", filter.Limit + 1);
        var rows = await ReadAsync(query, cancellationToken);
        var hasMore = rows.Count > filter.Limit;
        return (hasMore ? rows.GetRange(0, filter.Limit) : rows, hasMore);
    }

    public static string CursorKey(CommandDto last) => $"{SqliteTime.Format(last.CreatedAt)}|{last.CommandId}";

    private static void Add(SqliteCommand command, List<string> where, string column, string? value)
    {
        if (value is not null)
        {
            where.Add($"{column} = ${column}");
            command.Parameters.AddWithValue($"${column}", value);
        }
    }

    // Microsoft.Data.Sqlite runs its async methods synchronously, so one synchronous reader serves both paths.
    private static Task<List<CommandDto>> ReadAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Read(command));
    }

    private static List<CommandDto> Read(SqliteCommand command)
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
                SqliteTime.ParseNullable(Text(reader, 16)), Text(reader, 17)));
        }
        return rows;
    }

    private static JsonElement Parse(string json) => JsonSerializer.Deserialize(json, ProtocolJsonContext.Default.JsonElement);

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
