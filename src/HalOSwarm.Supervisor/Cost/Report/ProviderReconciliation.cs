namespace HalOSwarm.Supervisor.Cost.Report;

/// <summary>
/// One provider over the period's UTC days: its poller's status (<c>ok</c>, <c>degraded</c>, <c>not_configured</c>), what
/// we metered (pay-per-token usage only) and what it billed, per day and summed, and billed − metered.
/// </summary>
internal sealed record ProviderReconciliation
{
    public required string Provider { get; init; }

    public required string Status { get; init; }

    public required DateTimeOffset? LastSuccessAt { get; init; }

    public required string? Error { get; init; }

    public required decimal MeteredUsd { get; init; }

    /// <summary>Summed over the days the provider billed; null when it billed none (not polled, or nothing fetched yet).</summary>
    public required decimal? BilledUsd { get; init; }

    /// <summary>Billed − metered, summed over the days with a billed amount; null when there is none.</summary>
    public required decimal? DifferenceUsd { get; init; }

    public required IReadOnlyList<ProviderDayReconciliation> Days { get; init; }
}
