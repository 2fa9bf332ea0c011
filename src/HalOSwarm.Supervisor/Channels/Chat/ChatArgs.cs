using System.Globalization;
using HalOSwarm.Protocol;

namespace HalOSwarm.Supervisor.Channels.Chat;

/// <summary>
/// A command's positional arguments matched to its <see cref="ChatCommandSpec.Options"/>: a last
/// <see cref="ChatOptionKind.RestOfLine"/> option takes whatever is left (joined by spaces), integers and session ids are
/// checked. <see cref="Problem"/> says what is wrong, in words, when they do not fit.
/// </summary>
internal sealed class ChatArgs
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    private ChatArgs()
    {
    }

    public string? Problem { get; private set; }

    public string? this[string name] => _values.TryGetValue(name, out var value) ? value : null;

    public int? Integer(string name) => this[name] is { } text ? int.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : null;

    public static ChatArgs Parse(ChatCommandSpec spec, IReadOnlyList<string> args)
    {
        var parsed = new ChatArgs();
        var given = args.Select(a => a.Trim()).Where(a => a.Length > 0).ToList();
        var options = spec.Options;
        if (options.Count > 0 && options[^1].Kind == ChatOptionKind.RestOfLine && given.Count > options.Count)
        {
            given[options.Count - 1] = string.Join(' ', given.Skip(options.Count - 1));
            given.RemoveRange(options.Count, given.Count - options.Count);
        }
        if (given.Count > options.Count)
        {
            parsed.Problem = options.Count == 0 ? $"/{spec.Name} takes no arguments" : $"/{spec.Name} takes at most {options.Count} argument(s)";
            return parsed;
        }
        for (var i = 0; i < options.Count; i++)
        {
            var option = options[i];
            if (i >= given.Count)
            {
                if (option.Required)
                {
                    parsed.Problem = $"{option.Name} is missing";
                    return parsed;
                }
                continue;
            }
            if (OptionProblem(option, given[i]) is { } problem)
            {
                parsed.Problem = $"{option.Name}: {problem} (was '{ChatText.Shown(given[i])}')";
                return parsed;
            }
            parsed._values[option.Name] = given[i];
        }
        return parsed;
    }

    private static string? OptionProblem(ChatOptionSpec option, string value) => option.Kind switch
    {
        ChatOptionKind.Integer when !int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) => "must be a whole number",
        ChatOptionKind.Session when !ProtocolLimits.IsSessionId(value) =>
            $"must be a session id (1-{ProtocolLimits.MaxSessionIdLength} characters of A-Z a-z 0-9 . _ : @ + = -)",
        ChatOptionKind.Text when value.Length > 200 || value.Any(char.IsControl) => "must be one word of at most 200 characters",
        ChatOptionKind.RestOfLine when value.Length > ChatLimits.MaxTextChars => $"is {value.Length} characters long; at most {ChatLimits.MaxTextChars}",
        _ => null,
    };
}
