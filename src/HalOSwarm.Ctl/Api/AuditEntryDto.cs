using System.Text.Json;

namespace HalOSwarm.Ctl.Api;

/// <summary>One entry of the supervisor's audit log.</summary>
internal sealed record AuditEntryDto(
    long Id,
    DateTimeOffset At,
    string Actor,
    string Action,
    string? Target,
    JsonElement? Args,
    string Result,
    string? Error,
    long? DurationMs,
    string? SourceAddress,
    string? CommandId);
