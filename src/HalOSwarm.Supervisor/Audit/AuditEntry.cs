using System.Text.Json;

namespace HalOSwarm.Supervisor.Audit;

/// <summary>
/// One audited action. <see cref="Actor"/>: <c>api:admin</c>, <c>api:admin/cli:alice</c>, <c>policy:NAME</c>,
/// <c>chat:USER</c>; <see cref="Action"/>: e.g. <c>command.restart</c>, <c>approval.approve</c>.
/// </summary>
internal sealed record AuditEntry(
    string Actor,
    string Action,
    string? Target,
    JsonElement? Args,
    string Result,
    string? Error = null,
    long? DurationMs = null,
    string? SourceAddress = null,
    string? CommandId = null);
