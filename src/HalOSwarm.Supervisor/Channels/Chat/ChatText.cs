using System.Globalization;
using System.Text;

namespace HalOSwarm.Supervisor.Channels.Chat;

/// <summary>Bounded text for replies: aligned tables and line lists cut to <see cref="ChatLimits"/>, saying what was cut.</summary>
internal static class ChatText
{
    private const int MaxCellChars = 40;

    /// <summary>
    /// A monospace table of at most <see cref="ChatLimits.MaxRows"/> rows and <see cref="ChatLimits.MaxPreformattedChars"/>
    /// characters; <paramref name="more"/> rows known to exist beyond <paramref name="rows"/> are counted in the "… N more" line.
    /// </summary>
    public static string Table(IReadOnlyList<string> header, IReadOnlyList<string[]> rows, long more = 0)
    {
        var cells = rows.Select(r => r.Select(c => Clip(OneLine(c), MaxCellChars)).ToArray()).ToList();
        var widths = header.Select((h, i) => cells.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var lines = new List<string> { Line(header, widths) };
        lines.AddRange(cells.Select(r => Line(r, widths)));
        return Lines(lines, lines.Count - 1 + more, 1);
    }

    /// <summary>
    /// <paramref name="lines"/> joined, keeping the first <paramref name="keepHead"/> and as many more as fit the bounds
    /// (<see cref="ChatLimits.MaxRows"/> rows unless <paramref name="maxRows"/> says otherwise), then "… N more".
    /// <paramref name="total"/> counts every item, shown or not (rows, not the head).
    /// </summary>
    public static string Lines(IReadOnlyList<string> lines, long total, int keepHead = 0, int maxRows = ChatLimits.MaxRows)
    {
        var text = new StringBuilder();
        var shown = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var isHead = i < keepHead;
            var line = Clip(lines[i], ChatLimits.MaxLogLineChars);
            if (!isHead && (shown >= maxRows || text.Length + line.Length + 1 > ChatLimits.MaxPreformattedChars - 24))
            {
                break;
            }
            text.Append(line).Append('\n');
            shown += isHead ? 0 : 1;
        }
        if (total > shown)
        {
            text.Append(string.Create(CultureInfo.InvariantCulture, $"… {total - shown} more\n"));
        }
        return text.ToString().TrimEnd('\n');
    }

    /// <summary>The last of <paramref name="lines"/> that fit <see cref="ChatLimits.MaxPreformattedChars"/>, after "… N earlier lines left out".</summary>
    public static string Tail(IReadOnlyList<string> lines)
    {
        var kept = new List<string>();
        var length = 0;
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            var line = Clip(lines[i], ChatLimits.MaxLogLineChars);
            if (length + line.Length + 1 > ChatLimits.MaxPreformattedChars - 40)
            {
                break;
            }
            kept.Add(line);
            length += line.Length + 1;
        }
        kept.Reverse();
        var cut = lines.Count - kept.Count;
        return (cut > 0 ? string.Create(CultureInfo.InvariantCulture, $"… {cut} earlier lines left out\n") : "") + string.Join('\n', kept);
    }

    public static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>Line breaks and tabs as spaces, other control characters dropped.</summary>
    public static string OneLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\n' or '\r' or '\t')
            {
                builder.Append(' ');
            }
            else if (!char.IsControl(c))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    /// <summary>A user's argument as a refusal repeats it: one line, at most <see cref="ChatLimits.MaxShownArgChars"/>.</summary>
    public static string Shown(string value) => Clip(OneLine(value), ChatLimits.MaxShownArgChars);

    public static string Usd(decimal amount) => amount.ToString("$0.00", CultureInfo.InvariantCulture);

    public static string Usd(double amount) => amount.ToString("$0.00", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>3m, 2h, 4d: how long ago, for tables.</summary>
    public static string Ago(DateTimeOffset? at, DateTimeOffset now)
    {
        if (at is not { } value)
        {
            return "-";
        }
        var span = now - value;
        return span.TotalSeconds < 60 ? "now"
            : span.TotalMinutes < 60 ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes}m")
            : span.TotalHours < 48 ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays}d");
    }

    private static string Line(IReadOnlyList<string> cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Count - 1 ? c : c.PadRight(widths[i]))).TrimEnd();
}
