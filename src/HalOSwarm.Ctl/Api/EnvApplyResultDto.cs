namespace HalOSwarm.Ctl.Api;

/// <summary>What applying one manifest item did on a node: applied, would_apply, failed or skipped, with the detail.</summary>
internal sealed record EnvApplyResultDto(string Id, string Outcome, string? Detail);
