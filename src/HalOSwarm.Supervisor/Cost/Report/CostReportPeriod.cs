namespace HalOSwarm.Supervisor.Cost.Report;

/// <summary>
/// The report's local days <see cref="From"/>..<see cref="To"/> (inclusive) in <see cref="TimeZone"/>, how many of them
/// have begun (<see cref="DaysElapsed"/>, what the daily average divides by), and the UTC days the providers section covers
/// (every UTC day that overlaps the period: providers bill by UTC day).
/// </summary>
internal sealed record CostReportPeriod
{
    public required string Name { get; init; }

    public required DateOnly From { get; init; }

    public required DateOnly To { get; init; }

    public required string TimeZone { get; init; }

    public required int Days { get; init; }

    public required int DaysElapsed { get; init; }

    public required DateOnly UtcFrom { get; init; }

    public required DateOnly UtcTo { get; init; }
}
