namespace HalOSwarm.Supervisor.Environments;

/// <summary>
/// A risky fix waiting for (or past) an operator's decision: the exact <see cref="Command"/> that runs in the project
/// directory on <see cref="NodeId"/> once approved, who proposed and decided it, and the install's output tail.
/// </summary>
internal sealed record EnvProposal
{
    public required string Id { get; init; }
    public required string NodeId { get; init; }
    public required string Project { get; init; }
    public required string ItemId { get; init; }
    public required string Command { get; init; }
    public required string State { get; init; }
    public string? Detail { get; init; }
    public required DateTimeOffset ProposedAt { get; init; }
    public required string ProposedBy { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public string? DecidedBy { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public string? Output { get; init; }
}
