using System.Collections.Concurrent;
using HalOSwarm.Supervisor.Channels.Alerts;
using HalOSwarm.Supervisor.Channels.Chat;

namespace HalOSwarm.Supervisor.Tests.Channels.Telegram;

/// <summary>
/// A stand-in for the chat core (its own tests cover it) that records what Telegram handed it: the commands with their
/// callers and arguments, and the clicks. A click answers alert 42 as resumed by the clicker.
/// </summary>
internal sealed class StubChat : IChatCommands, IChatActions
{
    public ConcurrentQueue<(ChatCaller Caller, string Command, IReadOnlyList<string> Args)> Runs { get; } = new();

    public ConcurrentQueue<(ChatCaller Caller, string ButtonId)> Clicks { get; } = new();

    public IReadOnlyList<ChatCommandSpec> Commands { get; } =
    [
        new("status", "Sessions and nodes, optionally of one project", [new("project", "the project", false, ChatOptionKind.Text)], "viewer", false),
        new("logs", "The last lines of a session", [new("session", "the session", true, ChatOptionKind.Session), new("n", "lines", false, ChatOptionKind.Integer)], "viewer", false),
        new("inject", "Send a prompt to a session", [new("session", "the session", true, ChatOptionKind.Session), new("prompt", "the prompt", true, ChatOptionKind.RestOfLine)], "operator", true),
        new("cost", "Spend by period", [new("period", "today, week or month", false, ChatOptionKind.Text)], "viewer", false),
        new("kill", "Stop a session", [new("session", "the session", true, ChatOptionKind.Session)], "operator", false),
    ];

    public Task<ChatReply> RunAsync(ChatCaller caller, string command, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        Runs.Enqueue((caller, command, args));
        return Task.FromResult(new ChatReply(
            $"/{command} <{string.Join("|", args)}> for {caller.UserName} & co",
            Title: $"Result of {command}",
            Fields: [new AlertField("Sessions", "2")],
            Preformatted: "s-1  idle  <none>\ns-2  busy"));
    }

    public Task<IReadOnlyList<string>> SuggestSessionsAsync(ChatCaller caller, string prefix, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    public Task<ChatActionResult> ClickAsync(ChatCaller caller, string buttonId, CancellationToken cancellationToken)
    {
        Clicks.Enqueue((caller, buttonId));
        if (!AlertButtonId.TryParse(buttonId, out var action, out var alertId))
        {
            return Task.FromResult(new ChatActionResult("That button is not one of ours.", null, false));
        }
        var alert = TelegramTestConfig.IdleAlert(alertId) with
        {
            Answer = new AlertAnswer(action, caller.Actor, caller.UserName ?? caller.UserId, caller.Platform, DateTimeOffset.UtcNow, "resumed"),
        };
        return Task.FromResult(new ChatActionResult("Resumed.", alert, true));
    }
}
