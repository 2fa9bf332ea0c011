using System.Collections.Concurrent;
using HalOSwarm.Supervisor.Channels.Alerts;
using HalOSwarm.Supervisor.Channels.Chat;

namespace HalOSwarm.Supervisor.Tests.Channels.Slack;

/// <summary>
/// Stands in for the chat core (another change) in the Slack tests: records what Slack asked for and answers with a
/// fixed text; <c>slow</c> takes a while (a command Slack must get its answer for on the response_url); a click on an
/// alert answers it once.
/// </summary>
internal sealed class StubChat : IChatCommands, IChatActions
{
    private readonly ConcurrentQueue<(ChatCaller Caller, string Command, IReadOnlyList<string> Args)> _runs = new();
    private readonly ConcurrentQueue<(ChatCaller Caller, string ButtonId)> _clicks = new();
    private readonly ConcurrentDictionary<long, AlertAnswer> _answered = new();

    public IReadOnlyList<ChatCommandSpec> Commands { get; } =
    [
        new("status", "Sessions and nodes", [new("project", "Project", false, ChatOptionKind.Text)], "viewer", false),
        new("inject", "Send a prompt", [new("session", "Session", true, ChatOptionKind.Session), new("prompt", "Prompt", true, ChatOptionKind.RestOfLine)], "operator", false),
        new("slow", "Takes a while", [], "viewer", true),
    ];

    public IReadOnlyList<(ChatCaller Caller, string Command, IReadOnlyList<string> Args)> Runs => [.. _runs];

    public IReadOnlyList<(ChatCaller Caller, string ButtonId)> Clicks => [.. _clicks];

    public async Task<ChatReply> RunAsync(ChatCaller caller, string command, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        _runs.Enqueue((caller, command, args));
        if (command == "slow")
        {
            await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
            return new ChatReply("slow done", Title: "Slow");
        }
        return Commands.Any(c => c.Name == command)
            ? new ChatReply($"ran {command} <{string.Join('|', args)}>", Title: "Status", Fields: [new AlertField("Sessions", "2")], Preformatted: "ses_1  idle")
            : new ChatReply($"Unknown command {command}.", Ephemeral: true, Refused: true);
    }

    public Task<IReadOnlyList<string>> SuggestSessionsAsync(ChatCaller caller, string prefix, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    public Task<ChatActionResult> ClickAsync(ChatCaller caller, string buttonId, CancellationToken cancellationToken)
    {
        _clicks.Enqueue((caller, buttonId));
        if (!AlertButtonId.TryParse(buttonId, out var action, out var alertId))
        {
            return Task.FromResult(new ChatActionResult("That button is not one of ours.", null, false));
        }
        var answer = new AlertAnswer(action, caller.Actor, caller.UserName ?? caller.UserId, caller.Platform, DateTimeOffset.UtcNow, action + "d");
        var first = _answered.TryAdd(alertId, answer);
        var alert = SlackTestAlerts.Approval(alertId) with { Answer = _answered[alertId] };
        return Task.FromResult(first
            ? new ChatActionResult(action + "d.", alert, true)
            : new ChatActionResult("Already answered by " + _answered[alertId].By + ".", alert, false));
    }
}
