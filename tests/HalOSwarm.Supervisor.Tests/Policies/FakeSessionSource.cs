using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Policies;

namespace HalOSwarm.Supervisor.Tests.Policies;

/// <summary>Sessions held in a dictionary; <see cref="StatusAtSubmit"/> makes the re-read before a command see another status.</summary>
internal sealed class FakeSessionSource : IPolicySessionSource
{
    public Dictionary<string, PolicySession> Sessions { get; } = new(StringComparer.Ordinal);

    public string? StatusAtSubmit { get; set; }

    public double DailyCost { get; set; }

    public void Set(PolicySession session) => Sessions[session.SessionId] = session;

    public Task<IReadOnlyList<PolicySession>> ListLiveAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PolicySession>>(Sessions.Values.Where(s => !SessionStatuses.IsTerminal(s.Status)).ToList());

    public Task<PolicySession?> GetAsync(string sessionId, CancellationToken cancellationToken)
    {
        var session = Sessions.GetValueOrDefault(sessionId);
        if (session is not null && StatusAtSubmit is not null)
        {
            session = session with { Status = StatusAtSubmit };
        }
        return Task.FromResult(session);
    }

    public Task<double> CostSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) => Task.FromResult(DailyCost);
}
