using System.Text.Json;

namespace HalOSwarm.Supervisor.Audit;

/// <summary>A stored audit entry, as <c>GET /api/v1/audit</c> returns it.</summary>
internal sealed record AuditRecord(
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
