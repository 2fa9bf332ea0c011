using HalOSwarm.Supervisor.Channels.Alerts;

namespace HalOSwarm.Supervisor.Channels.Chat;

/// <summary>
/// Button clicks on alerts (Approve, Always, Deny, Resume, Restart, Kill), the same on every platform: checks the caller's
/// role, claims the alert (<see cref="IAlertBook"/>: a second click acts on nothing and says who answered), acts through
/// the approval and command services with the caller as actor, audits, and returns the alert as it is now for the
/// platform to show in place.
/// </summary>
internal interface IChatActions
{
    /// <summary><paramref name="buttonId"/> is what the button carried (<see cref="AlertButtonId"/>); never throws for bad input.</summary>
    Task<ChatActionResult> ClickAsync(ChatCaller caller, string buttonId, CancellationToken cancellationToken);
}

/// <summary>
/// The short answer to the clicker (<c>Approved once.</c>, <c>Already answered by alice from Slack at 12:03.</c>,
/// <c>You may not kill sessions.</c>) and the alert as it is now (null when the button named no known alert).
/// </summary>
internal sealed record ChatActionResult(string Text, Alert? Alert, bool Acted);
