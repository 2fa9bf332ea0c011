using System.Text.Json;

namespace HalOSwarm.Protocol.Events;

/// <summary><see cref="NextAttemptAt"/> is when the runtime will try again, when it said so.</summary>
public sealed record SessionRetryData(int Attempt, string? Message, DateTimeOffset? NextAttemptAt, JsonElement? Raw = null);
