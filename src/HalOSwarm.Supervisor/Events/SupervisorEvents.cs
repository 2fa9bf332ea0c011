using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace HalOSwarm.Supervisor.Events;

internal sealed class SupervisorEvents(IEventSink sink, TimeProvider timeProvider) : ISupervisorEvents
{
    public async Task RecordAsync<T>(string type, string? nodeId, string? sessionId, T data, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var op = new SupervisorEventWrite(nodeId ?? ISupervisorEvents.FleetNodeId, type, sessionId, timeProvider.GetUtcNow(),
            JsonSerializer.Serialize(data, typeInfo), stored);
        await sink.EnqueueAsync(op, cancellationToken);
        await stored.Task.WaitAsync(cancellationToken);
    }
}
