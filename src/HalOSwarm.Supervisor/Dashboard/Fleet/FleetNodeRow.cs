using HalOSwarm.Protocol;

namespace HalOSwarm.Supervisor.Dashboard.Fleet;

/// <summary>One node as the fleet page lists it.</summary>
/// <remarks>Public because the (public) Razor component listing it takes it as a parameter.</remarks>
public sealed record FleetNodeRow(
    string NodeId,
    string Hostname,
    string Status,
    string? AgentVersion,
    IReadOnlyList<ProjectInfo> Projects,
    IReadOnlyList<RuntimeInfo> Runtimes,
    ResourceUsage? Resources,
    DateTimeOffset? LastHeartbeatAt,
    long ActiveSessions);
