using System.Data.Common;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Credentials;

/// <summary>Reads and writes of the <c>credentials</c> table. Only <see cref="GetAsync"/> returns a sealed secret (for delivery).</summary>
internal sealed class CredentialStore(IDatabase database, IStorageWriter writer)
{
    public Task<int> InsertAsync(CredentialInsert insert, CancellationToken cancellationToken) => writer.WriteAsync(insert, cancellationToken);

    public async Task<StoredCredential?> GetAsync(string nodeId, string tool, int version, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT node_id, tool, version, kind, key_id, nonce, sealed, created_at, created_by FROM credentials
            WHERE node_id = @node AND tool = @tool AND version = @version
            """;
        command.AddParameter("@node", nodeId);
        command.AddParameter("@tool", tool);
        command.AddParameter("@version", version);
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredCredential(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4),
                (byte[])reader[5], (byte[])reader[6], SqliteTime.Parse(reader.GetString(7)), reader.GetString(8))
            : null;
    }

    /// <summary>Every pushed version's metadata (optionally of one node), newest first; at most <paramref name="limit"/> rows.</summary>
    public async Task<IReadOnlyList<CredentialView>> ListAsync(string? nodeId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT node_id, tool, kind, version, created_at, created_by FROM credentials
            {(nodeId is null ? "" : "WHERE node_id = @node")} ORDER BY created_at DESC, node_id, tool, version DESC LIMIT @limit
            """;
        if (nodeId is not null)
        {
            command.AddParameter("@node", nodeId);
        }
        command.AddParameter("@limit", limit);
        return await ReadViewsAsync(command, cancellationToken);
    }

    /// <summary>The latest version per node and tool.</summary>
    public async Task<IReadOnlyList<CredentialView>> LatestAsync(string? nodeId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT c.node_id, c.tool, c.kind, c.version, c.created_at, c.created_by FROM credentials c
            WHERE c.version = (SELECT MAX(version) FROM credentials l WHERE l.node_id = c.node_id AND l.tool = c.tool)
            {(nodeId is null ? "" : "AND c.node_id = @node")} ORDER BY c.node_id, c.tool
            """;
        if (nodeId is not null)
        {
            command.AddParameter("@node", nodeId);
        }
        return await ReadViewsAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<CredentialView>> ReadViewsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var views = new List<CredentialView>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            views.Add(new CredentialView(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                SqliteTime.Parse(reader.GetString(4)), reader.GetString(5)));
        }
        return views;
    }
}
