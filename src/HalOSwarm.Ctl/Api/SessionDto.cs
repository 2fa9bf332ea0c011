using HalOSwarm.Protocol;

namespace HalOSwarm.Ctl.Api;

/// <summary>A session as <c>GET /api/v1/sessions</c> describes it.</summary>
internal sealed record SessionDto(
    string SessionId,
    string? NodeId,
    string? Project,
    string? Runtime,
    string Status,
    string? Model,
    string? Title,
    TokenCounts? Tokens,
    decimal CostUsd,
    int CompactionCount,
    long? ContextTokens,
    string? CurrentTask,
    int? TaskDone,
    int? TaskTotal,
    string? LastError,
    string? ParentSessionId,
    DateTimeOffset? StartedAt,
    DateTimeOffset? LastActivityAt,
    DateTimeOffset? EndedAt)
{
    public string? ActivityState { get; init; }

    public string? ActivityDetail { get; init; }

    public double? Progress { get; init; }

    public bool Adopted { get; init; }

    public string? Worktree { get; init; }

    public string? Branch { get; init; }

    public DateTimeOffset? RateLimitResetAt { get; init; }
}
