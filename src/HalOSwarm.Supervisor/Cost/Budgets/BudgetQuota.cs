using HalOSwarm.Supervisor.Placement;

namespace HalOSwarm.Supervisor.Cost.Budgets;

/// <summary>
/// A node's quota for a project, for <c>most_quota_left</c> placement: the share left of the tightest budget a new
/// session of the project on that node would spend from (<see cref="BudgetScopes.BindsNodeAsync"/>: an account budget
/// counts for its own nodes, so two logins on two machines read differently). Spend is read now, as the gate reads it.
/// </summary>
internal sealed class BudgetQuota(BudgetStore store, BudgetMeter meter, BudgetScopes scopes, TimeProvider timeProvider) : INodeQuota
{
    public async Task<decimal?> LeftAsync(string project, string nodeId, CancellationToken cancellationToken)
    {
        decimal? left = null;
        var now = timeProvider.GetUtcNow();
        foreach (var budget in store.All)
        {
            if (!await scopes.BindsNodeAsync(budget.Scope, project, nodeId, cancellationToken))
            {
                continue;
            }
            var reading = await meter.ReadAsync(budget, now, cancellationToken);
            if (reading.Limit <= 0)
            {
                continue;
            }
            var share = Math.Clamp(1m - (reading.Spent / reading.Limit), 0m, 1m);
            left = left is { } tightest ? Math.Min(tightest, share) : share;
        }
        return left;
    }
}
