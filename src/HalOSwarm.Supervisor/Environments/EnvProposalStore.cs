using System.Data.Common;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>The stored proposals: writes through the storage writer, reads on their own connection.</summary>
internal sealed class EnvProposalStore(IDatabase database, IStorageWriter writer)
{
    private const string Columns = "id, node_id, project, item_id, command, state, detail, proposed_at, proposed_by, decided_at, decided_by, finished_at, output";

    public Task<bool> InsertAsync(EnvProposal proposal, CancellationToken cancellationToken) =>
        writer.WriteAsync(new EnvProposalInsert(proposal), cancellationToken);

    public Task<bool> TransitionAsync(EnvProposalTransition transition, CancellationToken cancellationToken) =>
        writer.WriteAsync(transition, cancellationToken);

    public async Task<EnvProposal?> GetAsync(string id, CancellationToken cancellationToken) =>
        await QueryAsync("WHERE id = @id", [("@id", id)], 1, cancellationToken) is [var found] ? found : null;

    /// <summary>The item's proposals on the node, newest first.</summary>
    public Task<IReadOnlyList<EnvProposal>> ForItemAsync(string nodeId, string project, string itemId, CancellationToken cancellationToken) =>
        QueryAsync("WHERE node_id = @node AND project = @project AND item_id = @item", [("@node", nodeId), ("@project", project), ("@item", itemId)], 50,
            cancellationToken);

    /// <summary>Newest first, filtered by whichever of state, node and project are given.</summary>
    public Task<IReadOnlyList<EnvProposal>> ListAsync(string? state, string? nodeId, string? project, int limit, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        var args = new List<(string, object?)>();
        void Filter(string column, string name, string? value)
        {
            if (value is not null)
            {
                where.Add($"{column} = {name}");
                args.Add((name, value));
            }
        }
        Filter("state", "@state", state);
        Filter("node_id", "@node", nodeId);
        Filter("project", "@project", project);
        return QueryAsync(where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where), args, limit, cancellationToken);
    }

    private async Task<IReadOnlyList<EnvProposal>> QueryAsync(string where, IReadOnlyList<(string Name, object? Value)> args, int limit,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM env_proposals {where} ORDER BY proposed_at DESC, id LIMIT @limit";
        foreach (var (name, value) in args)
        {
            command.AddParameter(name, value ?? DBNull.Value);
        }
        command.AddParameter("@limit", limit);
        var rows = new List<EnvProposal>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(Read(reader));
        }
        return rows;
    }

    private static EnvProposal Read(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        NodeId = r.GetString(1),
        Project = r.GetString(2),
        ItemId = r.GetString(3),
        Command = r.GetString(4),
        State = r.GetString(5),
        Detail = r.IsDBNull(6) ? null : r.GetString(6),
        ProposedAt = SqliteTime.Parse(r.GetString(7)),
        ProposedBy = r.GetString(8),
        DecidedAt = SqliteTime.ParseNullable(r.IsDBNull(9) ? null : r.GetString(9)),
        DecidedBy = r.IsDBNull(10) ? null : r.GetString(10),
        FinishedAt = SqliteTime.ParseNullable(r.IsDBNull(11) ? null : r.GetString(11)),
        Output = r.IsDBNull(12) ? null : r.GetString(12),
    };
}
