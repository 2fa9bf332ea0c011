using System.Reflection;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Runtimes;
using HalOSwarm.Agent.Storage;
using HalOSwarm.Protocol;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Agent.Connection;

/// <summary>Builds the hello frame from what the agent knows right now.</summary>
internal sealed class HelloFactory
{
    private static readonly string s_version =
        typeof(HelloFactory).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    private readonly NodeIdentity _identity;
    private readonly IOptions<AgentOptions> _options;
    private readonly RuntimeCatalog _runtimes;
    private readonly ResourceSampler _resources;
    private readonly SessionStore _sessions;
    private readonly Outbox _outbox;

    public HelloFactory(NodeIdentity identity, IOptions<AgentOptions> options, RuntimeCatalog runtimes,
        ResourceSampler resources, SessionStore sessions, Outbox outbox)
    {
        _identity = identity;
        _options = options;
        _runtimes = runtimes;
        _resources = resources;
        _sessions = sessions;
        _outbox = outbox;
    }

    public async Task<Hello> CreateAsync(CancellationToken cancellationToken)
    {
        var sessions = await _sessions.ListAsync(cancellationToken);
        var range = await _outbox.RangeAsync(cancellationToken);
        return new Hello(
            _identity.NodeId,
            _identity.Hostname,
            s_version,
            [ProtocolInfo.Current],
            [.. _options.Value.Projects.Select(_runtimes.Describe)],
            [.. _runtimes.Runtimes.Where(r => r.Available).Select(r => r.Name)],
            _resources.Sample(),
            [.. sessions.Select(s => new SessionSnapshot(s.SessionId, s.Project, s.Runtime, s.Status, s.Model, s.Title, s.StartedAt, s.LastActivityAt))],
            range.First,
            range.Last,
            _runtimes.Runtimes);
    }
}
