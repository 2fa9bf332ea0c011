namespace HalOSwarm.Supervisor.Environments;

/// <summary>What an environment action's audit entry records: the items and their outcomes, the proposals, or the one item and its command.</summary>
internal sealed record EnvAuditArgs
{
    public IReadOnlyList<string>? Items { get; init; }
    public IReadOnlyList<string>? Proposals { get; init; }
    public string? Item { get; init; }
    public string? Command { get; init; }
    public string? ProposalId { get; init; }
    public string? Output { get; init; }
}
