namespace HalOSwarm.Supervisor.Cost.Report;

/// <summary>
/// What was used and spent: messages (<see cref="PricedMessages"/> of them priced from <c>cost.rates</c>), tokens, metered
/// pay-per-token spend (<see cref="CostUsd"/>) and subscription usage at the equivalent API price (<see cref="EquivalentUsd"/>).
/// </summary>
internal sealed record CostAmounts
{
    public required long Messages { get; init; }

    public required long PricedMessages { get; init; }

    public required CostTokens Tokens { get; init; }

    public required decimal CostUsd { get; init; }

    public required decimal EquivalentUsd { get; init; }
}
