using System.Text.Json;

namespace HalOSwarm.Protocol.Events;

public sealed record ToolStartedData(string CallId, string Tool, string? MessageId, JsonElement? Input, JsonElement? Raw = null);
