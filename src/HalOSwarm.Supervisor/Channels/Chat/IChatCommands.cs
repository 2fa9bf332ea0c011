namespace HalOSwarm.Supervisor.Channels.Chat;

/// <summary>
/// The chat commands (<c>/status</c>, <c>/nodes</c>, <c>/logs</c>, <c>/start</c>, <c>/inject</c>, <c>/resume</c>,
/// <c>/restart</c>, <c>/kill</c>, <c>/abort</c>, <c>/cost</c>, <c>/approvals</c>, <c>/budget</c>), the same on every
/// platform. The platforms parse their own wire format into a command name and positional arguments (Discord's named
/// options in <see cref="ChatCommandSpec.Options"/> order; Slack and Telegram split the text, the last
/// <see cref="ChatOptionKind.RestOfLine"/> option taking the rest) and render the <see cref="ChatReply"/>.
/// Roles are checked here: a caller without one gets a polite refusal, and a refused action is audited.
/// </summary>
internal interface IChatCommands
{
    IReadOnlyList<ChatCommandSpec> Commands { get; }

    /// <summary>Runs <paramref name="command"/> (without its slash); never throws for bad input, it answers it.</summary>
    Task<ChatReply> RunAsync(ChatCaller caller, string command, IReadOnlyList<string> args, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> session ids starting with <paramref name="prefix"/>, newest first (autocomplete).</summary>
    Task<IReadOnlyList<string>> SuggestSessionsAsync(ChatCaller caller, string prefix, int limit, CancellationToken cancellationToken);
}
