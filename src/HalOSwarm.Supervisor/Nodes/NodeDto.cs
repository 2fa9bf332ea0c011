using HalOSwarm.Protocol;

namespace HalOSwarm.Supervisor.Nodes;

internal sealed record NodeDto(
    string NodeId,
    string Hostname,
    string Status,
    string? AgentVersion,
    IReadOnlyList<ProjectInfo> Projects,
    IReadOnlyList<string> Runtimes,
    ResourceUsage? Resources,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset? ConnectedAt,
    DateTimeOffset? LastHeartbeatAt,
    long DurableSeq,
    long SessionCount,
    long RejectedEvents = 0,
    string? LastRejection = null,
    DateTimeOffset? LastRejectionAt = null)
{
    /// <summary>Each runtime as the agent found it at start: version, or why it cannot run sessions.</summary>
    public IReadOnlyList<RuntimeInfo> RuntimeDetails { get; init; } = [];

    /// <summary>The supervisor that holds (or, for an offline node, last held) the node's socket.</summary>
    public string? SupervisorId { get; init; }
}
