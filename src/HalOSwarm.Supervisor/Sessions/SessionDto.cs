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
    string? SuccessorSessionId = null);
