using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using HalOSwarm.Supervisor.Events;

namespace HalOSwarm.Supervisor.Tests.Policies;

/// <summary>Keeps what the supervisor would record, with its data as JSON.</summary>
internal sealed class FakeSupervisorEvents : ISupervisorEvents
{
    public ConcurrentQueue<(string Type, string? NodeId, string? SessionId, JsonElement Data)> Recorded { get; } = new();

    public Task RecordAsync<T>(string type, string? nodeId, string? sessionId, T data, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        Recorded.Enqueue((type, nodeId, sessionId, JsonSerializer.SerializeToElement(data, typeInfo)));
        return Task.CompletedTask;
    }

    public IReadOnlyList<JsonElement> Of(string type) => Recorded.Where(r => r.Type == type).Select(r => r.Data).ToList();

    public IReadOnlyList<string> Decisions(string type) => Of(type).Select(d => d.GetProperty("decision").GetString()!).ToList();
}
