namespace HalOSwarm.Ctl.Api;

/// <summary>Messages, tokens, metered pay-per-token spend and subscription usage at the equivalent API price.</summary>
internal sealed record CostAmountsDto(long Messages, long PricedMessages, CostTokensDto Tokens, decimal CostUsd, decimal EquivalentUsd);
