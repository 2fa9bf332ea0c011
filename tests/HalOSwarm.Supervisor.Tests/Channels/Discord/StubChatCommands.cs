using HalOSwarm.Supervisor.Channels.Chat;

namespace HalOSwarm.Supervisor.Tests.Channels.Discord;

/// <summary>
/// A stand-in for the chat core's commands while it is not on this branch: echoes the command, its positional
/// arguments and the caller, so a test sees exactly what Discord's wire format was translated into.
/// </summary>
internal sealed class StubChatCommands : IChatCommands
{
    public IReadOnlyList<ChatCommandSpec> Commands { get; } =
    [
        new("status", "Sessions and nodes at a glance", [new("project", "Only this project", false, ChatOptionKind.Text)], "viewer", false),
        new("logs", "A session's last log lines",
            [new("session", "The session", true, ChatOptionKind.Session), new("n", "How many lines", false, ChatOptionKind.Integer)], "viewer", false),
        new("cost", "Spend per period", [new("period", "day, week or month", false, ChatOptionKind.Text)], "viewer", true),
    ];

    public Task<ChatReply> RunAsync(ChatCaller caller, string command, IReadOnlyList<string> args, CancellationToken cancellationToken) =>
        Task.FromResult(command == "status"
            ? new ChatReply($"ran {command} [{string.Join(",", args)}] for {caller.Actor} roles [{string.Join(",", caller.RoleIds)}] in {caller.ChannelId}", Ephemeral: true)
            : new ChatReply($"ran {command} [{string.Join(",", args)}] for {caller.Actor}", Title: command, Preformatted: "line 1\nline 2"));

    public Task<IReadOnlyList<string>> SuggestSessionsAsync(ChatCaller caller, string prefix, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([.. new[] { "ses_abc1", "ses_abc2", "ses_xyz" }.Where(s => s.StartsWith(prefix, StringComparison.Ordinal)).Take(limit)]);
}
