namespace HalOSwarm.Ctl.Api;

/// <summary>One node's provisioning of a project: verdicts before and after, the safe fixes, the proposals, or the error there.</summary>
internal sealed record EnvProvisionResultDto(
    string NodeId,
    string Project,
    bool DryRun,
    string? VerdictBefore,
    string? VerdictAfter,
    IReadOnlyList<EnvApplyResultDto>? Applied,
    IReadOnlyList<EnvProposalDto>? Proposals,
    string? Error,
    string? ErrorCode);
