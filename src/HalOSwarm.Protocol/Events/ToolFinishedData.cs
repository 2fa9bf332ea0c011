using System.Text.Json;

namespace HalOSwarm.Protocol.Events;

/// <summary><see cref="Status"/> is <c>completed</c> or <c>error</c>; <see cref="Output"/> is cut to a few KiB.</summary>
public sealed record ToolFinishedData(
    string CallId,
    string Tool,
    string? MessageId,
    string Status,
    string? Title,
    string? Output,
    string? Error,
    JsonElement? Raw = null);
