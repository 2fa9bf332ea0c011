using System.Text.Json;

namespace HalOSwarm.Protocol;

/// <summary>Every frame on the agent socket: <c>{v, type, id, ts, payload}</c>.</summary>
public sealed record Envelope(int V, string Type, string? Id, DateTimeOffset Ts, JsonElement Payload);
