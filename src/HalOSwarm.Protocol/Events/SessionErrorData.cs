using System.Text.Json;

namespace HalOSwarm.Protocol.Events;

/// <summary>
/// <see cref="ErrorName"/> is the runtime's error class (for opencode e.g. <c>MessageAbortedError</c>,
/// <c>APIError</c>); <see cref="StatusCode"/> is the provider's HTTP status when there was one.
/// </summary>
public sealed record SessionErrorData(string ErrorName, string? Message, int? StatusCode, JsonElement? Raw = null);
