using HalOSwarm.Supervisor.Channels.Chat;

namespace HalOSwarm.Supervisor.Channels.Telegram;

/// <summary>
/// A message text read as a command: <c>/logs@hal_bot s-1 50</c> → <c>logs</c>, addressed to <c>hal_bot</c>, args
/// <c>[s-1, 50]</c>. Arguments are split on white space; when the command's last option is
/// <see cref="ChatOptionKind.RestOfLine"/>, that option takes the rest of the line as written.
/// </summary>
internal sealed record TelegramCommandLine(string Command, string? Bot, IReadOnlyList<string> Args)
{
    /// <summary>Longest command text read (Telegram's own message limit).</summary>
    public const int MaxLength = 4096;

    public static TelegramCommandLine? Parse(string? text, IReadOnlyList<ChatCommandSpec> commands)
    {
        if (string.IsNullOrEmpty(text) || text[0] != '/' || text.Length > MaxLength)
        {
            return null;
        }
        var end = 1;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }
        var head = text[1..end];
        string? bot = null;
        var at = head.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            bot = head[(at + 1)..];
            head = head[..at];
        }
        if (head.Length == 0)
        {
            return null;
        }
        var name = head.ToLowerInvariant();
        var rest = text[end..].Trim();
        var spec = commands.FirstOrDefault(c => c.Name == name);
        return new TelegramCommandLine(name, bot, Split(rest, spec));
    }

    private static List<string> Split(string rest, ChatCommandSpec? spec)
    {
        var args = new List<string>();
        var restOfLine = spec is { Options.Count: > 0 } && spec.Options[^1].Kind == ChatOptionKind.RestOfLine ? spec.Options.Count : int.MaxValue;
        var position = 0;
        while (position < rest.Length)
        {
            if (args.Count == restOfLine - 1)
            {
                args.Add(rest[position..].Trim());
                break;
            }
            var end = position;
            while (end < rest.Length && !char.IsWhiteSpace(rest[end]))
            {
                end++;
            }
            args.Add(rest[position..end]);
            position = end;
            while (position < rest.Length && char.IsWhiteSpace(rest[position]))
            {
                position++;
            }
        }
        return args;
    }
}
