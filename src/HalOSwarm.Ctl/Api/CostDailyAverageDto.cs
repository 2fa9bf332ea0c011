namespace HalOSwarm.Ctl.Api;

internal sealed record CostDailyAverageDto(decimal CostUsd, decimal EquivalentUsd, long Tokens, decimal Messages);
