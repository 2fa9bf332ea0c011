using System.Text.Json;
using HalOSwarm.Protocol;

namespace HalOSwarm.Ctl.Api;

/// <summary>A node as <c>GET /api/v1/nodes</c> describes it.</summary>
internal sealed record NodeDto(
    string NodeId,
    string? Hostname,
    string Status,
    string? AgentVersion,
    IReadOnlyList<ProjectInfo>? Projects,
    JsonElement? Runtimes,
    ResourceUsage? Resources,
    DateTimeOffset? FirstSeenAt,
    DateTimeOffset? ConnectedAt,
    DateTimeOffset? LastHeartbeatAt,
    long? DurableSeq,
    int SessionCount)
{
    /// <summary>Each runtime with its version, or why it cannot run sessions.</summary>
    public IReadOnlyList<RuntimeInfo>? RuntimeDetails { get; init; }
}
