namespace HalOSwarm.Supervisor.Placement;

/// <summary>What a node may still spend on a project, for the <c>most_quota_left</c> placement.</summary>
internal interface INodeQuota
{
    /// <summary>
    /// The share (0–1) left of the tightest budget a session of <paramref name="project"/> on <paramref name="nodeId"/>
    /// would book to, or null when no budget bounds it (it counts as all left).
    /// </summary>
    Task<decimal?> LeftAsync(string project, string nodeId, CancellationToken cancellationToken);
}

/// <summary>No budgets known: every node has all its quota left.</summary>
internal sealed class NoQuota : INodeQuota
{
    public Task<decimal?> LeftAsync(string project, string nodeId, CancellationToken cancellationToken) => Task.FromResult<decimal?>(null);
}
