using System.Text.Json;

namespace HalOSwarm.Supervisor.Commands;

/// <summary>
/// A stored command; <see cref="State"/> is one of <see cref="CommandStates"/>. <see cref="Deadline"/> is set when the
/// command is first sent; <see cref="ParentCommandId"/> names the <c>restart</c> a step belongs to;
/// <see cref="CorrelationId"/> follows the request that asked for it (<c>X-Correlation-Id</c>) to the agent and back.
/// </summary>
internal sealed record CommandDto(
    string CommandId,
    string Type,
    string NodeId,
    string? SessionId,
    string? Project,
    JsonElement Args,
    string State,
    JsonElement? Result,
    string? Error,
    string? ErrorCode,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string Actor = "unknown",
    string? IdempotencyKey = null,
    int Attempts = 0,
    DateTimeOffset? Deadline = null,
    DateTimeOffset? FinishedAt = null,
    string? ParentCommandId = null,
    string? CorrelationId = null);
