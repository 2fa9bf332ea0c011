using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Commands;

/// <summary>The commands table. Commands are rare next to events, so they use their own short transactions.</summary>
internal sealed class CommandStore(SqliteDatabase database)
{
    public async Task InsertAsync(CommandDto command, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO commands (command_id, type, node_id, session_id, project, args, state, created_at, updated_at)
            VALUES ($id, $type, $node, $session, $project, $args, $state, $at, $at)
            """;
        insert.Parameters.AddWithValue("$id", command.CommandId);
        insert.Parameters.AddWithValue("$type", command.Type);
        insert.Parameters.AddWithValue("$node", command.NodeId);
        insert.Parameters.AddWithValue("$session", (object?)command.SessionId ?? DBNull.Value);
        insert.Parameters.AddWithValue("$project", (object?)command.Project ?? DBNull.Value);
        insert.Parameters.AddWithValue("$args", command.Args.GetRawText());
        insert.Parameters.AddWithValue("$state", command.State);
        insert.Parameters.AddWithValue("$at", SqliteTime.Format(command.CreatedAt));
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task UpdateAsync(string commandId, string state, JsonElement? result, string? error, string? errorCode, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var update = connection.CreateCommand();
        update.CommandText = """
            UPDATE commands SET state = $state, result = coalesce($result, result), error = coalesce($error, error),
                                error_code = coalesce($code, error_code), updated_at = $at
            WHERE command_id = $id
            """;
        update.Parameters.AddWithValue("$id", commandId);
        update.Parameters.AddWithValue("$state", state);
        update.Parameters.AddWithValue("$result", result is { ValueKind: not JsonValueKind.Undefined } r ? r.GetRawText() : DBNull.Value);
        update.Parameters.AddWithValue("$error", (object?)error ?? DBNull.Value);
        update.Parameters.AddWithValue("$code", (object?)errorCode ?? DBNull.Value);
        update.Parameters.AddWithValue("$at", SqliteTime.Format(at));
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<CommandDto?> GetAsync(string commandId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var query = connection.CreateCommand();
        query.CommandText = """
            SELECT command_id, type, node_id, session_id, project, args, state, result, error, error_code, created_at, updated_at
            FROM commands WHERE command_id = $id
            """;
        query.Parameters.AddWithValue("$id", commandId);
        using var reader = await query.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return new CommandDto(
            reader.GetString(0), reader.GetString(1), reader.GetString(2), Text(reader, 3), Text(reader, 4),
            Parse(reader.GetString(5)), reader.GetString(6), Text(reader, 7) is { } result ? Parse(result) : null,
            Text(reader, 8), Text(reader, 9), SqliteTime.Parse(reader.GetString(10)), SqliteTime.Parse(reader.GetString(11)));
    }

    private static JsonElement Parse(string json) => JsonSerializer.Deserialize(json, ProtocolJsonContext.Default.JsonElement);

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
