using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Cost.Budgets;

/// <summary>
/// At start (after the migrations): writes the budgets of <c>cost.budgets</c> (source <c>config</c>, replacing whatever the
/// API changed in them, and deleting config budgets no longer in the file), then loads every budget into memory.
/// </summary>
internal sealed class BudgetConfigLoader(BudgetStore store, IOptions<CostOptions> options, TimeProvider timeProvider) : IHostedService
{
    public const string ConfigActor = "config";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var budgets = options.Value.Budgets.Select(b => new Budget
        {
            Name = b.Name,
            Scope = CostScope.Parse(b.Scope)!,
            Window = b.Window,
            LimitUsd = b.LimitUsd,
            LimitTokens = b.LimitTokens,
            Thresholds = BudgetRules.Thresholds(b.Thresholds),
            Action = b.Action,
            Source = Budget.ConfigSource,
            UpdatedAt = now,
            UpdatedBy = ConfigActor,
        }).ToList();
        await store.SyncConfigAsync(budgets, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
