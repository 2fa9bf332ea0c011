namespace HalOSwarm.Supervisor.Cost;

/// <summary>What the providers billed, per provider and UTC day, as the pollers last fetched it (the report reads it).</summary>
internal interface IProviderBilling
{
    Task<ProviderBillingReport> GetAsync(DateOnly firstUtcDay, DateOnly lastUtcDay, CancellationToken cancellationToken);
}

internal sealed record ProviderBillingReport(IReadOnlyList<ProviderBilledDay> Days, IReadOnlyList<ProviderPollStatus> Providers)
{
    public static readonly ProviderBillingReport Empty = new([], []);
}

/// <summary>The provider's billed amount for a UTC day, summed over its rows (projects, models, line items).</summary>
internal sealed record ProviderBilledDay(string Provider, DateOnly Day, decimal BilledUsd);

/// <summary>
/// A provider's poller: <c>ok</c>, <c>degraded</c> (the last poll failed: <see cref="Error"/> says why, never with a key),
/// <c>not_configured</c>, or <c>pending</c> (configured, not polled yet since the start).
/// </summary>
internal sealed record ProviderPollStatus(string Provider, string State, DateTimeOffset? LastSuccessAt, string? Error);
