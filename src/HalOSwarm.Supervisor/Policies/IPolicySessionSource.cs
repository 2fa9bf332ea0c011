namespace HalOSwarm.Supervisor.Policies;

/// <summary>The session reads the policies need; the store in production, a list in tests.</summary>
internal interface IPolicySessionSource
{
    /// <summary>Every session that is not completed or killed.</summary>
    Task<IReadOnlyList<PolicySession>> ListLiveAsync(CancellationToken cancellationToken);

    Task<PolicySession?> GetAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>The cost of every finished assistant message since <paramref name="since"/>, all sessions together.</summary>
    Task<double> CostSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
