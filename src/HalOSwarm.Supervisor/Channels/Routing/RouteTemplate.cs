using System.Text;

namespace HalOSwarm.Supervisor.Channels.Routing;

/// <summary>
/// An alert text with <c>{NAME}</c> placeholders: <see cref="Known"/>, or <c>{data.PATH}</c> for a value of the event's
/// data. <c>{{</c> and <c>}}</c> write a brace. A placeholder without a value renders as <c>-</c>.
/// </summary>
internal sealed class RouteTemplate
{
    public const int MaxLength = 2000;

    public static readonly IReadOnlyList<string> Known = ["type", "session", "node", "project", "rule", "title", "reason", "time", "event_id"];

    private readonly List<(string Literal, string? Placeholder)> _parts;

    private RouteTemplate(List<(string, string?)> parts) => _parts = parts;

    public static RouteTemplate? Parse(string text, out string? error)
    {
        error = null;
        if (text.Length > MaxLength)
        {
            error = $"is longer than {MaxLength} characters";
            return null;
        }
        var parts = new List<(string, string?)>();
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c)
            {
                literal.Append(c);
                i++;
                continue;
            }
            if (c == '}')
            {
                error = $"a '}}' at {i} closes nothing (write }}}} for a brace)";
                return null;
            }
            if (c != '{')
            {
                literal.Append(c);
                continue;
            }
            var end = text.IndexOf('}', i + 1);
            if (end < 0)
            {
                error = $"the '{{' at {i} is not closed";
                return null;
            }
            var name = text[(i + 1)..end].Trim();
            var isData = name.StartsWith("data.", StringComparison.Ordinal) && name.Length > 5 && !name.EndsWith('.');
            if (!isData && !Known.Contains(name))
            {
                error = $"unknown placeholder {{{name}}}; known: {string.Join(", ", Known.Select(k => "{" + k + "}"))}, {{data.NAME}}";
                return null;
            }
            parts.Add((literal.ToString(), name));
            literal.Clear();
            i = end;
        }
        parts.Add((literal.ToString(), null));
        return new RouteTemplate(parts);
    }

    public string Render(Func<string, string?> value)
    {
        var text = new StringBuilder();
        foreach (var (literal, placeholder) in _parts)
        {
            text.Append(literal);
            if (placeholder is not null)
            {
                text.Append(value(placeholder) is { Length: > 0 } v ? v : "-");
            }
        }
        return text.ToString();
    }
}
