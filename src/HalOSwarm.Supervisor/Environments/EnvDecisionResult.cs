namespace HalOSwarm.Supervisor.Environments;

/// <summary>
/// A proposal after an operator's decision; for an approval also how the install went (<see cref="EnvProposal.State"/>
/// applied or failed, its output tail) and the item's and project's verdicts in the check that followed.
/// </summary>
internal sealed record EnvDecisionResult(EnvProposal Proposal, string? ItemVerdict = null, string? Verdict = null);
