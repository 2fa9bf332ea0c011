using System.Data.Common;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Tokens;

/// <summary>Reads the api_tokens table on connections of its own (never the secret hashes, except to fill the cache).</summary>
internal sealed class TokenQueries(IDatabase database)
{
    private const string Columns = "id, name, kind, role, node_id, created_at, created_by, revoked_at, revoked_by";

    /// <summary>Every token, newest first; revoked ones only when <paramref name="includeRevoked"/>.</summary>
    public async Task<IReadOnlyList<ApiToken>> ListAsync(bool includeRevoked, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {Columns} FROM api_tokens" + (includeRevoked ? "" : " WHERE revoked_at IS NULL") + " ORDER BY created_at DESC, id";
        return await ReadAsync(query, cancellationToken);
    }

    /// <summary>The token with this id, or else the active token with this name.</summary>
    public async Task<ApiToken?> FindAsync(string reference, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var query = connection.CreateCommand();
        query.CommandText = TokenNames.IsId(reference)
            ? $"SELECT {Columns} FROM api_tokens WHERE id = @ref"
            : $"SELECT {Columns} FROM api_tokens WHERE name = @ref AND revoked_at IS NULL";
        query.AddParameter("@ref", reference);
        var rows = await ReadAsync(query, cancellationToken);
        return rows.Count > 0 ? rows[0] : null;
    }

    /// <summary>The active tokens by the hex SHA-256 of their secrets, for the authentication cache.</summary>
    public async Task<IReadOnlyList<(string Hash, ApiToken Token)>> ActiveWithHashesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {Columns}, secret_sha256 FROM api_tokens WHERE revoked_at IS NULL";
        var rows = new List<(string, ApiToken)>();
        using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetString(9), Read(reader)));
        }
        return rows;
    }

    private static async Task<IReadOnlyList<ApiToken>> ReadAsync(DbCommand query, CancellationToken cancellationToken)
    {
        var rows = new List<ApiToken>();
        using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(Read(reader));
        }
        return rows;
    }

    private static ApiToken Read(DbDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Name = reader.GetString(1),
        Kind = reader.GetString(2),
        Role = Text(reader, 3),
        NodeId = Text(reader, 4),
        CreatedAt = SqliteTime.Parse(reader.GetString(5)),
        CreatedBy = reader.GetString(6),
        RevokedAt = SqliteTime.ParseNullable(Text(reader, 7)),
        RevokedBy = Text(reader, 8),
    };

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
