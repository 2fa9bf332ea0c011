using HalOSwarm.Protocol.Environments;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>
/// One node's provisioning of a project: the verdict found, the safe fixes (<c>applied</c>/<c>failed</c>, or
/// <c>would_apply</c> in a dry run), the install proposals (open ones; in a dry run unsaved, state <c>would_propose</c>),
/// the verdict after (null when nothing was applied) — or the <see cref="Error"/> that stopped it on this node.
/// </summary>
internal sealed record EnvProvisionResult
{
    public const string WouldPropose = "would_propose";

    public required string NodeId { get; init; }
    public required string Project { get; init; }
    public bool DryRun { get; init; }
    public string? VerdictBefore { get; init; }
    public string? VerdictAfter { get; init; }
    public IReadOnlyList<EnvApplyResult> Applied { get; init; } = [];
    public IReadOnlyList<EnvProposal> Proposals { get; init; } = [];
    public string? Error { get; init; }
    public string? ErrorCode { get; init; }
}
