namespace HalOSwarm.Supervisor.Cost.Providers;

/// <summary>What the providers billed, as the pollers stored it, and each provider's poll status.</summary>
internal sealed class ProviderBilling(ProviderBillingQueries queries, ProviderStatusBoard board) : IProviderBilling
{
    public async Task<ProviderBillingReport> GetAsync(DateOnly firstUtcDay, DateOnly lastUtcDay, CancellationToken cancellationToken) =>
        new(await queries.BilledDaysAsync(firstUtcDay, lastUtcDay, cancellationToken), board.Snapshot());
}
