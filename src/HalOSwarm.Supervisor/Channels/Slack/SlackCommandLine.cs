using HalOSwarm.Supervisor.Channels.Chat;

namespace HalOSwarm.Supervisor.Channels.Slack;

/// <summary>
/// Reads a slash command into a chat command and positional arguments: <c>/hal logs ses_1 20</c> (the app's one
/// command, <c>channels.slack.command</c>, then the chat command's name) or <c>/logs ses_1 20</c> (a command the app
/// registered on its own). Words are split on white space; when the command's last option is
/// <see cref="ChatOptionKind.RestOfLine"/> it takes the rest of the text as written. An empty <c>/hal</c> is <c>help</c>.
/// </summary>
internal static class SlackCommandLine
{
    /// <summary>The most text read from a slash command (Slack itself sends at most 4,000 characters).</summary>
    public const int MaxTextLength = 4000;

    public static (string Name, IReadOnlyList<string> Args) Parse(string slashCommand, string? text, string appCommand, IReadOnlyList<ChatCommandSpec> specs)
    {
        var rest = (text ?? "").Trim();
        if (rest.Length > MaxTextLength)
        {
            rest = rest[..MaxTextLength];
        }
        string name;
        if (string.Equals(slashCommand, appCommand, StringComparison.OrdinalIgnoreCase))
        {
            var (first, after) = NextWord(rest);
            if (first.Length == 0)
            {
                return ("help", []);
            }
            name = first.ToLowerInvariant();
            rest = after;
        }
        else
        {
            name = slashCommand.TrimStart('/').ToLowerInvariant();
        }
        var spec = specs.FirstOrDefault(s => s.Name == name);
        var args = new List<string>();
        while (rest.Length > 0)
        {
            if (spec is not null && args.Count == spec.Options.Count - 1 && spec.Options[^1].Kind == ChatOptionKind.RestOfLine)
            {
                args.Add(rest);
                break;
            }
            var (word, after) = NextWord(rest);
            args.Add(word);
            rest = after;
        }
        return (name, args);
    }

    private static (string Word, string After) NextWord(string text)
    {
        var end = 0;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }
        return (text[..end], text[end..].TrimStart());
    }
}
