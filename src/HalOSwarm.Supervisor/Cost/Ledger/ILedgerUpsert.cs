using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Cost.Ledger;

/// <summary>Adds one batch's sums to a ledger row on the writer's connection.</summary>
internal interface ILedgerUpsert : IDisposable
{
    void Run(in LedgerKey key, LedgerSums sums);

    /// <summary>SQLite's C API where the writer is on SQLite (the hot path), else a prepared ADO.NET command.</summary>
    public static ILedgerUpsert Create(IWriteContext context) =>
        context is SqliteWriteContext sqlite ? new SqliteLedgerUpsert(sqlite) : new CommandLedgerUpsert(context);
}
