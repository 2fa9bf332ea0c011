namespace HalOSwarm.Agent.Storage;

/// <summary>A session the agent tracks, as kept in agent.db.</summary>
internal sealed record SessionRecord(
    string SessionId,
    string Project,
    string Runtime,
    string? Directory,
    string Status,
    string? Title,
    string? Model,
    DateTimeOffset? StartedAt,
    DateTimeOffset? LastActivityAt)
{
    /// <summary>Brought under supervision while it ran, not started by hal-agent.</summary>
    public bool Adopted { get; init; }

    /// <summary>The git worktree made for this session, if any, and its branch.</summary>
    public string? Worktree { get; init; }

    public string? Branch { get; init; }
}
