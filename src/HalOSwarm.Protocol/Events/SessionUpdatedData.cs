using System.Text.Json;

namespace HalOSwarm.Protocol.Events;

public sealed record SessionUpdatedData(string? Title, string? Model, JsonElement? Raw = null);
