namespace HalOSwarm.Supervisor.Cost.Report;

/// <summary>A provider's UTC day: metered by us, billed by the provider (null when not known), billed − metered.</summary>
internal sealed record ProviderDayReconciliation
{
    public required DateOnly Date { get; init; }

    public required decimal MeteredUsd { get; init; }

    public required decimal? BilledUsd { get; init; }

    public required decimal? DifferenceUsd { get; init; }
}
