using HalOSwarm.Protocol;

namespace HalOSwarm.Supervisor.Sessions;

internal sealed record SessionDto(
    string SessionId,
    string NodeId,
    string? Project,
    string? Runtime,
    string Status,
    string? Model,
    string? Title,
    TokenCounts Tokens,
    double CostUsd,
    long CompactionCount,
    long ContextTokens,
    string? CurrentTask,
    long? TaskDone,
    long? TaskTotal,
    string? LastError,
    string? ParentSessionId,
    DateTimeOffset StartedAt,
    DateTimeOffset? LastActivityAt,
    DateTimeOffset? EndedAt,
    string? SuccessorSessionId = null)
{
    /// <summary>What the session is doing, finer than its status (one of <see cref="ActivityStates"/>).</summary>
    public string? ActivityState { get; init; }

    /// <summary>Why the activity state is what it is (a matched line, a measured silence).</summary>
    public string? ActivityDetail { get; init; }

    /// <summary>Share of the task file's checkboxes ticked, 0..1, when the runtime reports it.</summary>
    public double? Progress { get; init; }

    /// <summary>Brought under supervision while it ran, not started through HAL-O-SWARM.</summary>
    public bool Adopted { get; init; }

    /// <summary>The git worktree the session works in, when it was started with one, and its branch.</summary>
    public string? Worktree { get; init; }

    public string? Branch { get; init; }

    /// <summary>When the provider limit that stopped the session resets (cleared when it runs again).</summary>
    public DateTimeOffset? RateLimitResetAt { get; init; }
}
