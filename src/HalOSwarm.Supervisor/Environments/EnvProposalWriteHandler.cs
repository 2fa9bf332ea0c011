using System.Data.Common;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>The env_proposals table's writes.</summary>
internal sealed class EnvProposalWriteHandler : IWriteHandler<EnvProposalInsert>, IWriteHandler<EnvProposalTransition>
{
    private readonly DbCommand _insert;
    private readonly DbCommand _decide;
    private readonly DbCommand _finish;

    public EnvProposalWriteHandler(IWriteContext context)
    {
        _insert = context.Prepare("""
            INSERT INTO env_proposals (id, node_id, project, item_id, command, state, detail, proposed_at, proposed_by)
            VALUES (@id, @node, @project, @item, @command, @state, @detail, @at, @by)
            ON CONFLICT DO NOTHING
            """, "@id", "@node", "@project", "@item", "@command", "@state", "@detail", "@at", "@by");
        _decide = context.Prepare("UPDATE env_proposals SET state = @to, decided_at = @at, decided_by = @by WHERE id = @id AND state = @from",
            "@id", "@from", "@to", "@at", "@by");
        _finish = context.Prepare("UPDATE env_proposals SET state = @to, finished_at = @at, output = @output WHERE id = @id AND state = @from",
            "@id", "@from", "@to", "@at", "@output");
    }

    public void Apply(EnvProposalInsert op, WriteBatch batch)
    {
        var p = op.Proposal;
        batch.Completed(op, _insert.Run(p.Id, p.NodeId, p.Project, p.ItemId, p.Command, p.State, p.Detail,
            SqliteTime.Format(p.ProposedAt), p.ProposedBy) == 1);
    }

    public void Apply(EnvProposalTransition op, WriteBatch batch) => batch.Completed(op, op.By is not null
        ? _decide.Run(op.Id, op.From, op.To, SqliteTime.Format(op.At), op.By) == 1
        : _finish.Run(op.Id, op.From, op.To, SqliteTime.Format(op.At), op.Output) == 1);
}
