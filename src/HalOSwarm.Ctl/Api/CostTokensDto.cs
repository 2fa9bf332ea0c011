namespace HalOSwarm.Ctl.Api;

internal sealed record CostTokensDto(long Input, long Output, long Reasoning, long CacheRead, long CacheWrite, long Total);
