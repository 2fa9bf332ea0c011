using System.Text.Json;

namespace HalOSwarm.Supervisor.ToolAuth;

/// <summary>
/// A remote login (<see cref="LoginId"/> = the id of its <c>auth_login</c> command): pending with the URL to open and
/// the code to enter, then succeeded or failed; manual_required with <see cref="ManualGuidance"/> when the tool cannot log
/// in remotely.
/// </summary>
internal sealed record AuthLoginDto(
    string LoginId,
    string NodeId,
    string Tool,
    string Status,
    string? VerificationUrl,
    string? UserCode,
    DateTimeOffset? ExpiresAt,
    string? Reason,
    JsonElement? ManualGuidance,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
