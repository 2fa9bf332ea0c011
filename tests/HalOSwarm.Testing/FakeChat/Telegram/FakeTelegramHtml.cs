using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace HalOSwarm.Testing.FakeChat.Telegram;

/// <summary>
/// Telegram's HTML parse mode as far as the fake checks it: only its tags, properly nested; &amp;, &lt; and &gt; escaped
/// (a bare &lt; or &amp; is the "can't parse entities" error). Returns the visible text, whose length is what the 4,096
/// limit counts.
/// </summary>
internal static partial class FakeTelegramHtml
{
    private static readonly HashSet<string> s_tags =
        ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "tg-spoiler", "blockquote", "span", "tg-emoji"];

    [GeneratedRegex("^<(/?)([a-z-]+)(\\s[^<>]*)?>")]
    private static partial Regex Tag();

    [GeneratedRegex("^&(lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});")]
    private static partial Regex Entity();

    /// <summary>Null and the error's description when Telegram would refuse the text.</summary>
    public static string? Parse(string html, out string plain)
    {
        var text = new StringBuilder();
        var open = new Stack<string>();
        plain = "";
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<')
            {
                var tag = Tag().Match(html[i..]);
                if (!tag.Success || !s_tags.Contains(tag.Groups[2].Value))
                {
                    return $"Bad Request: can't parse entities: Unsupported start tag \"{(tag.Success ? tag.Groups[2].Value : "")}\" at byte offset {Encoding.UTF8.GetByteCount(html[..i])}";
                }
                var name = tag.Groups[2].Value;
                if (tag.Groups[1].Value == "/")
                {
                    if (open.Count == 0 || open.Pop() != name)
                    {
                        return $"Bad Request: can't parse entities: Unexpected end tag at byte offset {Encoding.UTF8.GetByteCount(html[..i])}";
                    }
                }
                else
                {
                    open.Push(name);
                }
                i += tag.Length;
            }
            else if (c == '&')
            {
                var entity = Entity().Match(html[i..]);
                if (!entity.Success)
                {
                    return $"Bad Request: can't parse entities: Character entity expected at byte offset {Encoding.UTF8.GetByteCount(html[..i])}";
                }
                text.Append(WebUtility.HtmlDecode(entity.Value));
                i += entity.Length;
            }
            else if (c == '>')
            {
                return $"Bad Request: can't parse entities: Unmatched end of tag at byte offset {Encoding.UTF8.GetByteCount(html[..i])}";
            }
            else
            {
                text.Append(c);
                i++;
            }
        }
        if (open.Count > 0)
        {
            return $"Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"{open.Peek()}\"";
        }
        plain = text.ToString();
        return null;
    }
}
