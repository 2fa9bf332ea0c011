using HalOSwarm.Supervisor.Commands;
using HalOSwarm.Supervisor.Policies;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Cost.Budgets;

/// <summary>
/// Which sessions a budget's scope holds: global all, <c>project:X</c> the sessions of project X, <c>account:A</c> the
/// sessions whose usage was booked to A. A start has no session yet: it is in an account's scope when the project has
/// sessions booked to the account or the account's <c>cost.accounts</c> entry matches its project and node.
/// </summary>
internal sealed class BudgetScopes(ICostTotals totals, IPolicySessionSource sessions, IOptions<CostOptions> options)
{
    public async Task<bool> CoversAsync(CostScope scope, ResolvedTarget target, CancellationToken cancellationToken)
    {
        switch (scope.Kind)
        {
            case CostScope.GlobalKind:
                return true;
            case CostScope.ProjectKind:
                return target.Project == scope.Name;
        }
        var booked = await totals.SessionsOfAccountAsync(scope.Name!, cancellationToken);
        if (target.SessionId is { } sessionId)
        {
            return booked.Contains(sessionId, StringComparer.Ordinal);
        }
        if (ConfigMatches(scope.Name!, target.Project, target.NodeId))
        {
            return true;
        }
        foreach (var id in booked)
        {
            if ((await sessions.GetAsync(id, cancellationToken))?.Project == target.Project)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Whether a new session of <paramref name="project"/> on <paramref name="nodeId"/> would spend from
    /// <paramref name="scope"/>, told apart by node: an account counts for the nodes its <c>cost.accounts</c> entry names
    /// and those whose sessions of the project booked usage to it (not, as for the gate, for every node of a project
    /// that booked to it somewhere).
    /// </summary>
    public async Task<bool> BindsNodeAsync(CostScope scope, string project, string nodeId, CancellationToken cancellationToken)
    {
        if (scope.Kind != CostScope.AccountKind)
        {
            return await CoversAsync(scope, new ResolvedTarget(nodeId, null, project, null), cancellationToken);
        }
        if (options.Value.Accounts.Any(a => a.Name == scope.Name && a.Nodes.Contains(nodeId, StringComparer.Ordinal)
            && (a.Projects.Count == 0 || a.Projects.Contains(project, StringComparer.Ordinal))))
        {
            return true;
        }
        foreach (var id in await totals.SessionsOfAccountAsync(scope.Name!, cancellationToken))
        {
            if (await sessions.GetAsync(id, cancellationToken) is { } session && session.NodeId == nodeId && session.Project == project)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The live (not ended) sessions in <paramref name="scope"/>.</summary>
    public async Task<IReadOnlyList<PolicySession>> LiveSessionsAsync(CostScope scope, CancellationToken cancellationToken)
    {
        var live = await sessions.ListLiveAsync(cancellationToken);
        switch (scope.Kind)
        {
            case CostScope.GlobalKind:
                return live;
            case CostScope.ProjectKind:
                return [.. live.Where(s => s.Project == scope.Name)];
        }
        var booked = (await totals.SessionsOfAccountAsync(scope.Name!, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return [.. live.Where(s => booked.Contains(s.SessionId))];
    }

    private bool ConfigMatches(string account, string? project, string nodeId) =>
        options.Value.Accounts.Any(a => a.Name == account
            && (a.Projects.Count == 0 || (project is not null && a.Projects.Contains(project, StringComparer.Ordinal)))
            && (a.Nodes.Count == 0 || a.Nodes.Contains(nodeId, StringComparer.Ordinal)));
}
