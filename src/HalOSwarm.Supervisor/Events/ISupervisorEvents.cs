using System.Text.Json.Serialization.Metadata;

namespace HalOSwarm.Supervisor.Events;

/// <summary>
/// Records events that the supervisor itself decides (e.g. <c>policy.*</c>, <c>session.needs_input</c>) in the same
/// log as the agents' events, with seq NULL, so the API, the stream and alerts see them like any other.
/// </summary>
internal interface ISupervisorEvents
{
    /// <summary>The node id used for fleet-wide events that belong to no node.</summary>
    public const string FleetNodeId = "supervisor";

    /// <summary>Stores the event and returns once it is committed.</summary>
    Task RecordAsync<T>(string type, string? nodeId, string? sessionId, T data, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken);
}
