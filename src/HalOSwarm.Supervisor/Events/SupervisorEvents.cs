using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Events;

internal sealed class SupervisorEvents(IStorageWriter writer, TimeProvider timeProvider) : ISupervisorEvents
{
    public Task RecordAsync<T>(string type, string? nodeId, string? sessionId, T data, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken) =>
        writer.WriteAsync(new SupervisorEventWrite(nodeId ?? ISupervisorEvents.FleetNodeId, type, sessionId, timeProvider.GetUtcNow(),
            JsonSerializer.Serialize(data, typeInfo)), cancellationToken);
}
