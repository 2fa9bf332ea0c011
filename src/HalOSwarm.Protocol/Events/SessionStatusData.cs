using System.Text.Json;

namespace HalOSwarm.Protocol.Events;

/// <summary>Data of the plain lifecycle events; <see cref="Reason"/> says why when it is known.</summary>
public sealed record SessionStatusData(string? Reason = null, JsonElement? Raw = null);
