using System.Data.Common;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Cost.Ledger;

/// <summary>The ledger's upsert as a prepared command with named parameters, for any provider.</summary>
internal sealed class CommandLedgerUpsert(IWriteContext context) : ILedgerUpsert
{
    private readonly DbCommand _statement = context.Prepare(LedgerSql.Upsert, [.. Enumerable.Range(1, 18).Select(i => $"@p{i}")]);

    public void Run(in LedgerKey key, LedgerSums sums) =>
        _statement.Run(key.Hour, key.Day, key.SessionId, key.Provider, key.Model, key.Account, sums.NodeId, sums.Project, sums.Runtime,
            sums.Equivalent ? 1L : 0L, sums.Messages, sums.PricedMessages, sums.Input, sums.Output, sums.Reasoning, sums.CacheRead,
            sums.CacheWrite, sums.CostNanos);

    public void Dispose()
    {
        // The command belongs to the writer's connection, which disposes it.
    }
}
