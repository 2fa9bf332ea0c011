namespace HalOSwarm.Supervisor.Cluster;

/// <summary>
/// Whether this supervisor is the one that runs the fleet-wide work (policies, budgets, pollers, retention, channel
/// delivery, environment checks, the search indexer). On SQLite the one supervisor always is; on PostgreSQL the
/// supervisor holding the database's leader lock is, until its connection ends.
/// </summary>
internal interface ILeadership
{
    bool IsLeader { get; }

    /// <summary>Tries once to become the leader; true when this supervisor is (or already was) the leader.</summary>
    Task<bool> TryAcquireAsync(CancellationToken cancellationToken);

    /// <summary>Completes when leadership held so far is lost (the lock's connection ended); never on SQLite.</summary>
    Task Lost { get; }
}

/// <summary>SQLite: one supervisor per database file, always the leader.</summary>
internal sealed class SoleLeadership : ILeadership
{
    public bool IsLeader => true;

    public Task<bool> TryAcquireAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    public Task Lost { get; } = new TaskCompletionSource().Task;
}
