using HalOSwarm.Protocol.Environments;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>
/// The data of <c>env.provisioned</c>: what was applied to a project's environment on a node and by whom
/// (<c>env:auto_provision</c> for the automatic round), the approved proposal when it was an install, and the
/// project's verdict in the check that followed (null when that check could not run).
/// </summary>
internal sealed record EnvProvisionedData(string NodeId, string Project, string Actor, IReadOnlyList<EnvApplyResult> Applied, string? Verdict,
    string? ProposalId = null);
