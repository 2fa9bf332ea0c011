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
    DateTimeOffset? UpdatedAt,
    string? Actor = null,
    string? IdempotencyKey = null,
    int? Attempts = null,
    DateTimeOffset? Deadline = null,
    DateTimeOffset? FinishedAt = null,
    string? ParentCommandId = null,
    string? CorrelationId = null)
{
    /// <summary>The session a command is about: its own, or for <c>start</c> the one it created.</summary>
    public string? TargetSessionId =>
        Result is { ValueKind: JsonValueKind.Object } result
        && result.TryGetProperty("session_id", out var id)
        && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : SessionId;

    /// <summary>The queue position when the agent queued a prompt for a busy session (<c>result.queued</c>), else null.</summary>
    public long? QueuedPosition =>
        Result is { ValueKind: JsonValueKind.Object } result
        && result.TryGetProperty("queued", out var queued) && queued.ValueKind == JsonValueKind.True
            ? result.TryGetProperty("position", out var position) && position.TryGetInt64(out var p) ? p : 0
            : null;
}
