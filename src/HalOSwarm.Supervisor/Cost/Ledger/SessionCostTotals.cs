using HalOSwarm.Protocol;

namespace HalOSwarm.Supervisor.Cost.Ledger;

/// <summary>
/// Sums of ledger rows, exact (the ledger counts nano-dollars). <see cref="CostUsd"/> is pay-per-token spend;
/// <see cref="EquivalentUsd"/> what subscription logins used, at the equivalent API price (not billed per token, not in
/// <see cref="CostUsd"/>; the cost report keeps them apart the same way);
/// <see cref="PricedMessages"/> the messages priced from <c>cost.rates</c> because the program reported no cost.
/// </summary>
internal sealed record SessionCostTotals(long Messages, long PricedMessages, TokenCounts Tokens, decimal CostUsd, decimal EquivalentUsd)
{
    public static readonly SessionCostTotals Zero = new(0, 0, TokenCounts.Zero, 0m, 0m);

    public SessionCostTotals Add(SessionCostTotals other) => new(
        Messages + other.Messages, PricedMessages + other.PricedMessages, Tokens.Add(other.Tokens), CostUsd + other.CostUsd, EquivalentUsd + other.EquivalentUsd);
}
