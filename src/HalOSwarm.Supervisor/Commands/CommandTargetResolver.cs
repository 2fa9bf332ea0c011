using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Nodes;
using HalOSwarm.Supervisor.Placement;
using HalOSwarm.Supervisor.Sessions;

namespace HalOSwarm.Supervisor.Commands;

/// <summary>
/// Turns a submission's target into a node (and session): a session id goes to its node; a project goes to its one
/// active session (not ended, node online), a node-wide type (<see cref="CommandTypes.TargetsNode"/>) to its node, or for
/// <c>start</c> to a node hosting the project, chosen by <see cref="NodePlacement"/>. Throws
/// <see cref="CommandRejectedException"/> when there is none or more than one.
/// </summary>
internal sealed class CommandTargetResolver(SessionQueries sessions, NodeQueries nodes, AgentRegistry registry, NodePlacement placement)
{
    public async Task<ResolvedTarget> ResolveAsync(CommandSubmission submission, CancellationToken cancellationToken)
    {
        if (submission.SessionId is { } sessionId)
        {
            if (await sessions.GetAsync(sessionId, cancellationToken) is not { } session)
            {
                throw new CommandRejectedException("not_found", $"no session '{sessionId}'");
            }
            if (CommandTypes.TargetsProject(submission.Type))
            {
                throw new CommandRejectedException("invalid_request", $"{submission.Type} takes a project, not a session");
            }
            return new ResolvedTarget(session.NodeId, session.SessionId, session.Project, session.Status);
        }
        if (CommandTypes.TargetsNode(submission.Type))
        {
            return await ResolveNodeAsync(submission, cancellationToken);
        }
        if (submission.Project is not { } project)
        {
            throw new CommandRejectedException("invalid_request", "a command needs a session_id or a project");
        }
        return CommandTypes.TargetsProject(submission.Type)
            ? await ResolveStartAsync(project, submission.NodeId, cancellationToken)
            : await ResolveActiveSessionAsync(project, submission.NodeId, cancellationToken);
    }

    private async Task<ResolvedTarget> ResolveNodeAsync(CommandSubmission submission, CancellationToken cancellationToken)
    {
        if (submission.NodeId is not { } nodeId)
        {
            throw new CommandRejectedException("invalid_request", $"{submission.Type} takes a node_id");
        }
        var all = await nodes.ListAsync(cancellationToken);
        return all.Any(n => n.NodeId == nodeId)
            ? new ResolvedTarget(nodeId, null, null, null)
            : throw new CommandRejectedException("not_found", $"no node '{nodeId}'");
    }

    private async Task<ResolvedTarget> ResolveActiveSessionAsync(string project, string? nodeId, CancellationToken cancellationToken)
    {
        var (page, _) = await sessions.ListAsync(new SessionFilter(project, null, nodeId, 1000, null, null), cancellationToken);
        // Online here, or on another supervisor sharing the database (which delivers the command).
        var online = (await nodes.ListAsync(cancellationToken)).Where(n => n.Status == "online").Select(n => n.NodeId).ToHashSet(StringComparer.Ordinal);
        var active = page.Where(s => !SessionStatuses.IsTerminal(s.Status) && s.Status != SessionStatuses.Unreachable
                && (registry.IsConnected(s.NodeId) || online.Contains(s.NodeId)))
            .OrderBy(s => s.SessionId, StringComparer.Ordinal).ToList();
        return active.Count switch
        {
            0 => throw new CommandRejectedException("not_found", $"project '{project}' has no active session on an online node"),
            1 => new ResolvedTarget(active[0].NodeId, active[0].SessionId, project, active[0].Status),
            _ => throw new CommandRejectedException("conflict",
                $"ambiguous: project '{project}' has {active.Count} active sessions: {string.Join(", ", active.Select(s => s.SessionId))}; name one"),
        };
    }

    private async Task<ResolvedTarget> ResolveStartAsync(string project, string? nodeId, CancellationToken cancellationToken)
    {
        var hosts = await HostsAsync(project, cancellationToken);
        if (nodeId is not null)
        {
            var named = hosts.FirstOrDefault(c => c.NodeId == nodeId);
            if (named is null)
            {
                throw (await nodes.GetAsync(nodeId, cancellationToken)) is null
                    ? new CommandRejectedException("not_found", $"no node '{nodeId}'")
                    : new CommandRejectedException("not_found", $"node {nodeId} has no project '{project}'");
            }
            placement.CheckCapacity(named);
            return new ResolvedTarget(nodeId, null, project, null);
        }
        if (hosts.Count == 0)
        {
            throw new CommandRejectedException("not_found", $"no node hosts project '{project}'");
        }
        return new ResolvedTarget(await placement.PickAsync(project, hosts, cancellationToken), null, project, null);
    }

    /// <summary>
    /// Where a migrating restart's successor starts: the named node (it must host the project and not be the node the
    /// session runs on) or, for <c>auto</c>, another node hosting the project picked by the placement.
    /// </summary>
    public async Task<string> MigrationNodeAsync(string project, string fromNode, string toNode, CancellationToken cancellationToken)
    {
        if (toNode == fromNode)
        {
            throw new CommandRejectedException("conflict", $"the session already runs on node {fromNode}; to_node names where it moves");
        }
        var others = (await HostsAsync(project, cancellationToken)).Where(c => c.NodeId != fromNode).ToList();
        if (toNode != RestartTargets.Auto)
        {
            var named = others.FirstOrDefault(c => c.NodeId == toNode)
                ?? throw new CommandRejectedException("not_found", $"node {toNode} does not host project '{project}'");
            placement.CheckCapacity(named);
            return toNode;
        }
        return others.Count == 0
            ? throw new CommandRejectedException("not_found", $"no node but {fromNode} hosts project '{project}'")
            : await placement.PickAsync(project, others, cancellationToken);
    }

    /// <summary>The nodes hosting <paramref name="project"/> (by their live hello here, else their stored row).</summary>
    public async Task<IReadOnlyList<NodePlacement.Candidate>> HostsAsync(string project, CancellationToken cancellationToken)
    {
        var all = await nodes.ListAsync(cancellationToken);
        var active = await nodes.ActiveSessionCountsAsync(cancellationToken);
        return [.. all
            .Select(n => (Node: n, Live: registry.TryGet(n.NodeId, out var c) && !c.IsClosing ? c : null))
            .Where(x => Hosts(x.Node.Projects, project, x.Live))
            .Select(x => new NodePlacement.Candidate(x.Node, x.Live, active.GetValueOrDefault(x.Node.NodeId),
                RuntimeUnavailable(x.Live?.Hello?.Projects ?? x.Node.Projects, project)))];
    }

    /// <summary>The node reported the project's runtime unavailable (binary missing, not logged in…): placed last.</summary>
    private static bool RuntimeUnavailable(IReadOnlyList<ProjectInfo> projects, string project) =>
        projects.Any(p => p.Name == project && p.RuntimeStatus == "unavailable");

    private static bool Hosts(IReadOnlyList<ProjectInfo> stored, string project, AgentConnection? live) =>
        (live?.Hello?.Projects ?? stored).Any(p => p.Name == project);
}
