namespace HalOSwarm.Ctl.Api;

/// <summary>One node's AGENT.md sync: the write's outcome, or the error there.</summary>
internal sealed record EnvSyncResultDto(string NodeId, string Project, EnvApplyResultDto? Result, string? Error, string? ErrorCode);
