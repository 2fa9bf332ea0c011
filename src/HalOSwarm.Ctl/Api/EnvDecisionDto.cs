namespace HalOSwarm.Ctl.Api;

/// <summary>A proposal after a decision, with the item's and project's verdicts in the check after an install.</summary>
internal sealed record EnvDecisionDto(EnvProposalDto Proposal, string? ItemVerdict, string? Verdict);
