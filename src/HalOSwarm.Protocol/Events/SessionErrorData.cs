using System.Text.Json;

namespace HalOSwarm.Protocol.Events;

/// <summary>
/// <see cref="ErrorName"/> is the runtime's error class (for opencode e.g. <c>MessageAbortedError</c>,
/// <c>APIError</c>); <see cref="StatusCode"/> is the provider's HTTP status when there was one.
/// <see cref="ResetAt"/> is when a rate or usage limit resets, when the runtime said so (the
/// resume_after_rate_limit policy waits for it).
/// </summary>
public sealed record SessionErrorData(string ErrorName, string? Message, int? StatusCode, JsonElement? Raw = null, DateTimeOffset? ResetAt = null);
