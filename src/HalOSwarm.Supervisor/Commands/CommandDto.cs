using System.Text.Json;

namespace HalOSwarm.Supervisor.Commands;

/// <summary>A stored command; <see cref="State"/> is one of <see cref="CommandStates"/>.</summary>
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
    DateTimeOffset UpdatedAt);
