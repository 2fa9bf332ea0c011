namespace HalOSwarm.Protocol;

/// <summary>What the agent knows of one live session, sent in <see cref="Hello"/> for reconciliation.</summary>
public sealed record SessionSnapshot(
    string SessionId,
    string Project,
    string Runtime,
    string Status,
    string? Model,
    string? Title,
    DateTimeOffset? StartedAt,
    DateTimeOffset? LastActivityAt);
