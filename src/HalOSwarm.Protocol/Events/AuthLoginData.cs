namespace HalOSwarm.Protocol.Events;

/// <summary>
/// A remote login's progress (<c>auth.login.pending</c>, <c>auth.login.succeeded</c>, <c>auth.login.failed</c>; no
/// session id). <see cref="LoginId"/> is the id of the <c>auth_login</c> command that started it; <see cref="Status"/> is
/// one of <see cref="AuthLoginStates"/>. A pending login carries the URL to open and the one-time code to enter there;
/// a login the tool cannot do remotely carries <see cref="ManualGuidance"/> (status <c>manual_required</c>).
/// </summary>
public sealed record AuthLoginData(
    string LoginId,
    string Tool,
    string Status,
    string? VerificationUrl = null,
    string? UserCode = null,
    DateTimeOffset? ExpiresAt = null,
    string? Reason = null,
    ManualGuidance? ManualGuidance = null);
