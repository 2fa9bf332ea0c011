namespace HalOSwarm.Supervisor.Channels.Chat;

/// <summary>
/// A chat command as every platform registers it (Discord slash commands, Telegram's menu, Slack's help): name (1-32
/// lowercase), description (at most 100), options in order, the least role that may run it, and whether it may take
/// longer than a platform's 3-second answer window (then Discord defers and Slack answers through response_url).
/// </summary>
internal sealed record ChatCommandSpec(string Name, string Description, IReadOnlyList<ChatOptionSpec> Options, string Role, bool Slow);

/// <summary>One option: name (1-32 lowercase), description, whether required, and its kind.</summary>
internal sealed record ChatOptionSpec(string Name, string Description, bool Required, ChatOptionKind Kind);

internal enum ChatOptionKind
{
    /// <summary>One word.</summary>
    Text,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A session id; Discord autocompletes it.</summary>
    Session,

    /// <summary>Everything left on the line (a prompt); only as the last option.</summary>
    RestOfLine,
}
