using System.Text.Json;

namespace HalOSwarm.Agent.Connection;

/// <summary>
/// An event about to be recorded. When <see cref="OnceKey"/> is set the event is recorded only if no
/// event with that key was ever recorded before (checked in the same transaction that allocates its seq).
/// </summary>
internal sealed record PendingEvent(string Type, string? SessionId, JsonElement Data, string? OnceKey = null);
