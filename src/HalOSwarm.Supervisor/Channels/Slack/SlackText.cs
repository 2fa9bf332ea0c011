using System.Text;

namespace HalOSwarm.Supervisor.Channels.Slack;

/// <summary>Text for Slack: mrkdwn escaping (&amp;, &lt;, &gt; — Slack's control characters) and cutting to a block's limit.</summary>
internal static class SlackText
{
    /// <summary>Escapes the three characters Slack reads as markup (links, mentions), so a session's text shows as written.</summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0)
        {
            return text;
        }
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => c.ToString(),
            });
        }
        return builder.ToString();
    }

    /// <summary>Escapes, then cuts to <paramref name="max"/> characters (with an ellipsis), never inside an entity or a surrogate pair.</summary>
    public static string Mrkdwn(string text, int max) => Cut(Escape(text), max, entities: true);

    /// <summary>Cuts plain text to <paramref name="max"/> characters with an ellipsis; empty becomes a dash (Slack refuses empty texts).</summary>
    public static string Plain(string text, int max) => Cut(text.Length == 0 ? "-" : text, max, entities: false);

    private static string Cut(string text, int max, bool entities)
    {
        if (text.Length == 0)
        {
            return "-";
        }
        if (text.Length <= max)
        {
            return text;
        }
        var end = max - 1;
        if (char.IsLowSurrogate(text[end]))
        {
            end--;
        }
        if (entities)
        {
            var amp = text.LastIndexOf('&', end - 1, Math.Min(end, 5));
            if (amp >= 0 && text.IndexOf(';', amp) >= end)
            {
                end = amp;
            }
        }
        return string.Concat(text.AsSpan(0, end), "…");
    }
}
