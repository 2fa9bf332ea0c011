using System.Text.Json;

namespace HalOSwarm.Ctl.Api;

/// <summary>A remote login, from <c>/api/v1/auth/nodes/{node}/login</c> and <c>/api/v1/auth/logins/{id}</c>.</summary>
internal sealed record AuthLoginDto(
    string LoginId,
    string NodeId,
    string Tool,
    string Status,
    string? VerificationUrl,
    string? UserCode,
    DateTimeOffset? ExpiresAt,
    string? Reason,
    JsonElement? ManualGuidance);
