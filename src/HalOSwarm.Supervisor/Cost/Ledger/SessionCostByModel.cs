using HalOSwarm.Protocol;

namespace HalOSwarm.Supervisor.Cost.Ledger;

/// <summary>A session's usage of one model through one provider and account; <see cref="Equivalent"/>: a subscription login's tokens at the equivalent API price.</summary>
internal sealed record SessionCostByModel(
    string Provider, string Model, string Account, bool Equivalent, long Messages, long PricedMessages, TokenCounts Tokens, decimal CostUsd);
