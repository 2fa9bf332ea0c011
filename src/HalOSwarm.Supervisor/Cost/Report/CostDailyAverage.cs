namespace HalOSwarm.Supervisor.Cost.Report;

/// <summary>The totals divided by the days of the period that have begun (money rounded to 10^-9 USD, tokens to whole ones).</summary>
internal sealed record CostDailyAverage
{
    public required decimal CostUsd { get; init; }

    public required decimal EquivalentUsd { get; init; }

    public required long Tokens { get; init; }

    public required decimal Messages { get; init; }
}
