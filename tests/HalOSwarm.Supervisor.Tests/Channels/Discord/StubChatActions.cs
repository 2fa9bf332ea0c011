using HalOSwarm.Supervisor.Channels.Alerts;
using HalOSwarm.Supervisor.Channels.Chat;

namespace HalOSwarm.Supervisor.Tests.Channels.Discord;

/// <summary>A stand-in for the chat core's buttons: the first click on an alert acts, any later one is told who answered.</summary>
internal sealed class StubChatActions : IChatActions
{
    private readonly Dictionary<long, AlertAnswer> _answers = [];

    public static Alert Alert(long id, AlertAnswer? answer = null) => new()
    {
        AlertId = id,
        Rule = "needs-input",
        EventType = "session.needs_input",
        Severity = AlertSeverities.Warning,
        Title = "ses_abc1 asks to run a command",
        Text = "bash: rm -rf build/*",
        Fields = [new AlertField("Session", "ses_abc1"), new AlertField("Command", "rm -rf build/*")],
        SessionId = "ses_abc1",
        Project = "web",
        Actions = [new AlertAction(AlertActions.Approve, "Approve", "primary"), new AlertAction(AlertActions.Deny, "Deny", "danger")],
        At = DateTimeOffset.UtcNow,
        Answer = answer,
    };

    public Task<ChatActionResult> ClickAsync(ChatCaller caller, string buttonId, CancellationToken cancellationToken)
    {
        if (!AlertButtonId.TryParse(buttonId, out var action, out var alertId))
        {
            return Task.FromResult(new ChatActionResult("That button is not one of ours.", null, false));
        }
        lock (_answers)
        {
            if (_answers.TryGetValue(alertId, out var earlier))
            {
                return Task.FromResult(new ChatActionResult($"Already answered by {earlier.By}.", Alert(alertId, earlier), false));
            }
            var answer = new AlertAnswer(action, caller.Actor, caller.UserName ?? caller.UserId, caller.Platform, DateTimeOffset.UtcNow, "approved once");
            _answers[alertId] = answer;
            return Task.FromResult(new ChatActionResult("Approved once.", Alert(alertId, answer), true));
        }
    }
}
