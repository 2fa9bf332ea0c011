using HalOSwarm.Supervisor.Channels.Alerts;

namespace HalOSwarm.Supervisor.Tests.Channels.Slack;

internal static class SlackTestAlerts
{
    /// <summary>A permission request's alert with Approve and Deny, and text Slack must show literally.</summary>
    public static Alert Approval(long alertId) => new()
    {
        AlertId = alertId,
        Rule = "approvals",
        EventType = "session.needs_input",
        Severity = AlertSeverities.Warning,
        Title = "ses_1 asks to run a command",
        Text = "bash: rm -rf build && echo <done>",
        Fields = [new AlertField("Session", "ses_1"), new AlertField("Node", "node-a")],
        SessionId = "ses_1",
        ApprovalId = "appr_1",
        Actions = [new AlertAction(AlertActions.Approve, "Approve", "primary"), new AlertAction(AlertActions.Deny, "Deny", "danger")],
        At = new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero),
    };
}
