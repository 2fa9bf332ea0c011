using System.Data.Common;
using System.Text.Json;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.ToolAuth;

/// <summary>Reads of the tool auth tables, each on its own connection.</summary>
internal sealed class ToolAuthQueries(IDatabase database)
{
    /// <summary>Every node's tools (or one node's), by node then tool.</summary>
    public async Task<ILookup<string, ToolAuthStatusDto>> StatusAsync(string? nodeId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = ToolAuthSql.SelectStatus + (nodeId is null ? "" : " WHERE node_id = @node") + " ORDER BY node_id, tool";
        if (nodeId is not null)
        {
            command.AddParameter("@node", nodeId);
        }
        var rows = new List<(string Node, ToolAuthStatusDto Tool)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetString(0), new ToolAuthStatusDto(reader.GetString(1), reader.GetString(2), Nullable(reader, 3), Nullable(reader, 4),
                SqliteTime.Parse(reader.GetString(5)))));
        }
        return rows.ToLookup(r => r.Node, r => r.Tool, StringComparer.Ordinal);
    }

    public async Task<AuthLoginDto?> LoginAsync(string loginId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = ToolAuthSql.SelectLogin;
        command.AddParameter("@id", loginId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        JsonElement? guidance = null;
        if (Nullable(reader, 8) is { } json)
        {
            using var document = JsonDocument.Parse(json);
            guidance = document.RootElement.Clone();
        }
        return new AuthLoginDto(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Nullable(reader, 4),
            Nullable(reader, 5), SqliteTime.ParseNullable(Nullable(reader, 6)), Nullable(reader, 7), guidance,
            SqliteTime.Parse(reader.GetString(9)), SqliteTime.Parse(reader.GetString(10)));
    }

    private static string? Nullable(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
