using System.Text;

namespace HalOSwarm.Supervisor.Channels.Telegram;

/// <summary>
/// Builds a message in Telegram's HTML parse mode from plain pieces: each piece is escaped and wrapped in its tag, and the
/// visible text (what Telegram counts against its 4,096 characters) is cut with "…" at <see cref="MaxLength"/>, never
/// inside a tag, an escape or a surrogate pair.
/// </summary>
internal sealed class TelegramText
{
    public const int MaxLength = 4096;

    private readonly List<(string Text, string? Tag)> _pieces = [];

    public TelegramText Add(string text, string? tag = null)
    {
        if (text.Length > 0)
        {
            _pieces.Add((text, tag));
        }
        return this;
    }

    public TelegramText Line(string text = "", string? tag = null) => Add(text, tag).Add("\n");

    public string Build(int maxLength = MaxLength)
    {
        var html = new StringBuilder();
        var left = maxLength;
        foreach (var (text, tag) in TrimEnd(_pieces))
        {
            var piece = text;
            var cut = piece.Length > left;
            if (cut)
            {
                var keep = Math.Max(0, left - 1);
                if (keep > 0 && char.IsHighSurrogate(piece[keep - 1]))
                {
                    keep--;
                }
                piece = piece[..keep] + "…";
            }
            if (tag is null)
            {
                html.Append(Escape(piece));
            }
            else
            {
                html.Append('<').Append(tag).Append('>').Append(Escape(piece)).Append("</").Append(tag).Append('>');
            }
            left -= piece.Length;
            if (cut || left <= 0)
            {
                break;
            }
        }
        return html.ToString();
    }

    /// <summary>HTML parse mode needs &lt;, &gt; and &amp; escaped (and quotes inside attributes).</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    private static IEnumerable<(string Text, string? Tag)> TrimEnd(List<(string Text, string? Tag)> pieces)
    {
        var end = pieces.Count;
        while (end > 0 && pieces[end - 1].Tag is null && string.IsNullOrWhiteSpace(pieces[end - 1].Text))
        {
            end--;
        }
        return pieces.Take(end);
    }
}
