using HalOSwarm.Protocol;

namespace HalOSwarm.Supervisor.Cost.Ledger;

/// <summary>A session's usage on one UTC day (<c>YYYY-MM-DD</c>), with the fields of <see cref="SessionCostTotals"/>.</summary>
internal sealed record SessionCostByDay(string Date, long Messages, long PricedMessages, TokenCounts Tokens, decimal CostUsd, decimal EquivalentUsd)
{
    public SessionCostTotals ToTotals() => new(Messages, PricedMessages, Tokens, CostUsd, EquivalentUsd);
}
