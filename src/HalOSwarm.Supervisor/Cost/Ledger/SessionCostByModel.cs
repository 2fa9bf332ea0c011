using HalOSwarm.Protocol;

namespace HalOSwarm.Supervisor.Cost.Ledger;

/// <summary>
/// A session's usage of one model through one provider and account; <see cref="Equivalent"/>: the account is a
/// subscription login, whose tokens are in <see cref="EquivalentUsd"/> at the equivalent API price, not in <see cref="CostUsd"/>.
/// </summary>
internal sealed record SessionCostByModel(
    string Provider, string Model, string Account, bool Equivalent, long Messages, long PricedMessages, TokenCounts Tokens, decimal CostUsd, decimal EquivalentUsd);
