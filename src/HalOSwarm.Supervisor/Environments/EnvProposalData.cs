namespace HalOSwarm.Supervisor.Environments;

/// <summary>The data of <c>env.proposal</c>: a risky fix waits for an operator (the exact command that would run).</summary>
internal sealed record EnvProposalData(string ProposalId, string NodeId, string Project, string Item, string Command, string ProposedBy, string? Detail);
