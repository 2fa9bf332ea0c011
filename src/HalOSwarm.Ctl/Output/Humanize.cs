using System.Globalization;

namespace HalOSwarm.Ctl.Output;

/// <summary>Short, invariant renderings of times, token counts and money for tables.</summary>
internal static class Humanize
{
    public static string Ago(DateTimeOffset? time, DateTimeOffset now)
    {
        if (time is not { } t)
        {
            return "-";
        }
        var elapsed = now - t;
        if (elapsed < TimeSpan.FromSeconds(1))
        {
            return "just now";
        }
        return elapsed.TotalSeconds < 60 ? $"{(int)elapsed.TotalSeconds}s ago"
            : elapsed.TotalMinutes < 60 ? $"{(int)elapsed.TotalMinutes}m ago"
            : elapsed.TotalHours < 24 ? $"{(int)elapsed.TotalHours}h ago"
            : $"{(int)elapsed.TotalDays}d ago";
    }

    public static string Tokens(long count) => count switch
    {
        < 1_000 => count.ToString(CultureInfo.InvariantCulture),
        < 1_000_000 => (count / 1_000d).ToString("0.#", CultureInfo.InvariantCulture) + "k",
        _ => (count / 1_000_000d).ToString("0.#", CultureInfo.InvariantCulture) + "M",
    };

    public static string Cost(decimal usd) => "$" + usd.ToString("0.00##", CultureInfo.InvariantCulture);

    public static string Bytes(long bytes) => bytes switch
    {
        < 1L << 20 => (bytes / 1024d).ToString("0", CultureInfo.InvariantCulture) + " KiB",
        < 1L << 30 => (bytes / (double)(1L << 20)).ToString("0", CultureInfo.InvariantCulture) + " MiB",
        _ => (bytes / (double)(1L << 30)).ToString("0.0", CultureInfo.InvariantCulture) + " GiB",
    };

    public static string Time(DateTimeOffset? time) =>
        time?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-";

    /// <summary>Cuts text to one line of at most <paramref name="max"/> characters.</summary>
    public static string Clip(string? text, int max)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var line = text.ReplaceLineEndings(" ⏎ ").Trim();
        return line.Length <= max ? line : line[..(max - 1)] + "…";
    }
}
