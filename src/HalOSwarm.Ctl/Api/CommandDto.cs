using System.Text.Json;

namespace HalOSwarm.Ctl.Api;

/// <summary>A command the supervisor stored and sent to an agent.</summary>
internal sealed record CommandDto(
    string CommandId,
    string Type,
    string? NodeId,
    string? SessionId,
    string? Project,
    JsonElement? Args,
    string State,
    JsonElement? Result,
    string? Error,
    string? ErrorCode,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt)
{
    /// <summary>The session a command is about: its own, or for <c>start</c> the one it created.</summary>
    public string? TargetSessionId =>
        Result is { ValueKind: JsonValueKind.Object } result
        && result.TryGetProperty("session_id", out var id)
        && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : SessionId;
}
