using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Commands;
using HalOSwarm.Supervisor.Governance;
using HalOSwarm.Supervisor.Nodes;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Placement;

/// <summary>
/// Picks the node for a new session of a project (docs/ARCHITECTURE.md, Placement). Only nodes hosting the project
/// count. Healthy ones first: online (here or on another supervisor sharing the database) and below their limits (the
/// machine's <c>placement.node_limits</c>, the project charter's <c>max_sessions_per_node</c>); among them the
/// <c>placement.strategy</c> decides, a node whose runtime for the project is unavailable coming last. When no node
/// hosting the project is online, an offline one is taken (the start waits for it, as any command for an offline node
/// does). When every online one is at its machine limit, the start is refused (409 <c>at_capacity</c>); when some are
/// only at the charter's, the least loaded is taken and the charter refuses it, recording the violation as it does for
/// a start that names its node.
/// </summary>
internal sealed class NodePlacement(IOptionsMonitor<PlacementOptions> options, CharterBook charters, CommandStore commands, INodeQuota quota)
{
    public const string AtCapacityCode = "at_capacity";

    /// <summary>A node that hosts the project, with its live connection here (if any) and its live sessions.</summary>
    public sealed record Candidate(NodeDto Node, AgentConnection? Live, long ActiveSessions, bool RuntimeUnavailable)
    {
        public string NodeId => Node.NodeId;

        public bool Online => Live is not null || Node.Status == "online";
    }

    /// <summary>The node for a new session of <paramref name="project"/> among <paramref name="hosts"/> (all host it).</summary>
    public async Task<string> PickAsync(string project, IReadOnlyList<Candidate> hosts, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var pool = hosts;
        List<string>? pins = null;
        if (settings.Strategy == PlacementStrategies.Pinned && settings.Pins.TryGetValue(project, out var pinned))
        {
            pins = pinned;
            pool = [.. hosts.Where(c => pinned.Contains(c.NodeId, StringComparer.Ordinal))];
            if (pool.Count == 0)
            {
                throw new CommandRejectedException("not_found",
                    $"project '{project}' is pinned to {string.Join(", ", pinned)} (placement.pins), and none of them hosts it");
            }
        }
        var online = pool.Where(c => c.Online).ToList();
        var perNode = charters.For(project).Limit(Charter.MaxSessionsPerNode)?.Value;
        var room = online.Where(c => HasCapacity(settings, c) && (perNode is not { } limit || c.ActiveSessions < limit)).ToList();
        var belowCapacity = online.Where(c => HasCapacity(settings, c)).ToList();
        if (online.Count > 0 && belowCapacity.Count == 0)
        {
            throw new CommandRejectedException(AtCapacityCode,
                $"every online node hosting project '{project}' is at its limit (placement.node_limits): "
                + string.Join(", ", online.Select(c => $"{c.NodeId} runs {c.ActiveSessions} of {settings.CapacityOf(c.NodeId)}")));
        }
        var choices = room.Count > 0 ? room : belowCapacity.Count > 0 ? belowCapacity : [.. pool];
        var ordered = choices.OrderBy(c => c.RuntimeUnavailable ? 1 : 0);
        ordered = pins is not null
            ? ordered.ThenBy(c => pins.IndexOf(c.NodeId)).ThenBy(c => c.ActiveSessions)
            : settings.Strategy switch
            {
                PlacementStrategies.RoundRobin => await RoundRobinAsync(ordered, project, cancellationToken),
                PlacementStrategies.MostQuotaLeft => await MostQuotaLeftAsync(ordered, choices, project, cancellationToken),
                _ => ordered.ThenBy(c => c.ActiveSessions),
            };
        return ordered.ThenBy(c => c.NodeId, StringComparer.Ordinal).First().NodeId;
    }

    /// <summary>Refuses a start on a named node that is online and at its machine limit.</summary>
    public void CheckCapacity(Candidate named)
    {
        var settings = options.CurrentValue;
        if (named.Online && !HasCapacity(settings, named))
        {
            throw new CommandRejectedException(AtCapacityCode,
                $"node {named.NodeId} is at its limit (placement.node_limits): it runs {named.ActiveSessions} of {settings.CapacityOf(named.NodeId)}");
        }
    }

    private static bool HasCapacity(PlacementOptions settings, Candidate candidate) =>
        settings.CapacityOf(candidate.NodeId) is not { } limit || candidate.ActiveSessions < limit;

    /// <summary>The node after the one the project's latest start went to, by node id, wrapping around.</summary>
    private async Task<IOrderedEnumerable<Candidate>> RoundRobinAsync(IOrderedEnumerable<Candidate> ordered, string project, CancellationToken cancellationToken)
    {
        var last = await commands.LastStartNodeAsync(project, cancellationToken);
        return ordered.ThenBy(c => last is not null && string.CompareOrdinal(c.NodeId, last) > 0 ? 0 : 1);
    }

    /// <summary>The most budget left first (no budget: all of it), then the least loaded.</summary>
    private async Task<IOrderedEnumerable<Candidate>> MostQuotaLeftAsync(
        IOrderedEnumerable<Candidate> ordered, IReadOnlyList<Candidate> choices, string project, CancellationToken cancellationToken)
    {
        var left = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var candidate in choices)
        {
            left[candidate.NodeId] = await quota.LeftAsync(project, candidate.NodeId, cancellationToken) ?? 1m;
        }
        return ordered.ThenByDescending(c => left[c.NodeId]).ThenBy(c => c.ActiveSessions);
    }
}
