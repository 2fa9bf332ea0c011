using System.Text.Json;

namespace HalOSwarm.Supervisor.Commands;

/// <summary>Body of <c>POST /api/v1/commands</c>.</summary>
internal sealed record CommandBody(string? Type, string? SessionId, string? Project, string? NodeId, JsonElement? Args, string? IdempotencyKey);
