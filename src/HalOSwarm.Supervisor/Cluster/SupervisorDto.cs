using System.Text.Json.Serialization;

namespace HalOSwarm.Supervisor.Cluster;

/// <summary>A supervisor sharing the database, as <c>GET /api/v1/supervisors</c> lists it.</summary>
internal sealed record SupervisorDto(
    [property: JsonPropertyName("supervisor_id")] string SupervisorId,
    [property: JsonPropertyName("hostname")] string Hostname,
    [property: JsonPropertyName("version")] string? Version,
    [property: JsonPropertyName("started_at")] DateTimeOffset StartedAt,
    [property: JsonPropertyName("heartbeat_at")] DateTimeOffset HeartbeatAt,
    [property: JsonPropertyName("alive")] bool Alive,
    [property: JsonPropertyName("leader")] bool Leader,
    [property: JsonPropertyName("nodes")] long Nodes,
    [property: JsonPropertyName("self")] bool Self);
