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
    DateTimeOffset? LastActivityAt);
