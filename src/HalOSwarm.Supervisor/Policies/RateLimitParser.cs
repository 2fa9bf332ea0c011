using System.Globalization;
using System.Text.RegularExpressions;

namespace HalOSwarm.Supervisor.Policies;

/// <summary>
/// Reads provider rate-limit and usage-limit messages: whether one is a limit at all, and when it resets when the
/// message says so ("try again in 20 minutes", "resets at 3pm", "resets at 15:30 (Europe/Berlin)",
/// "resets at 2026-11-25T15:00:00Z", "usage limit reached|1764082800"). A time of day without a zone is UTC and means
/// its next occurrence.
/// </summary>
internal static partial class RateLimitParser
{
    public static bool IsRateLimit(int? statusCode, string? message) =>
        statusCode == 429 || (message is not null && LimitWords().IsMatch(message));

    public static bool TryParseReset(string? message, DateTimeOffset reference, out DateTimeOffset reset)
    {
        reset = default;
        if (string.IsNullOrWhiteSpace(message))
        {
            return false;
        }
        if (Epoch().Match(message) is { Success: true } epoch
            && long.TryParse(epoch.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            reset = DateTimeOffset.FromUnixTimeSeconds(seconds);
            return true;
        }
        if (Relative().Match(message) is { Success: true } relative && TryParseDuration(relative.Groups[1].Value, out var wait))
        {
            reset = reference + wait;
            return true;
        }
        if (Absolute().Match(message) is { Success: true } absolute
            && DateTimeOffset.TryParse(absolute.Groups[1].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            reset = at;
            return true;
        }
        if (TimeOfDay().Match(message) is { Success: true } clock)
        {
            return TryNextTimeOfDay(clock, reference, out reset);
        }
        return false;
    }

    private static bool TryParseDuration(string text, out TimeSpan wait)
    {
        wait = TimeSpan.Zero;
        foreach (Match part in DurationPart().Matches(text))
        {
            var amount = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            var unit = part.Groups[2].Value.ToLowerInvariant();
            wait += unit.StartsWith('h') ? TimeSpan.FromHours(amount)
                : unit.StartsWith('m') ? TimeSpan.FromMinutes(amount)
                : TimeSpan.FromSeconds(amount);
        }
        return wait > TimeSpan.Zero;
    }

    private static bool TryNextTimeOfDay(Match clock, DateTimeOffset reference, out DateTimeOffset reset)
    {
        reset = default;
        var hour = int.Parse(clock.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = clock.Groups["m"].Success ? int.Parse(clock.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var meridiem = clock.Groups["ampm"].Value.ToLowerInvariant();
        if (meridiem.Length > 0)
        {
            if (hour is < 1 or > 12)
            {
                return false;
            }
            hour = hour % 12 + (meridiem == "pm" ? 12 : 0);
        }
        else if (!clock.Groups["m"].Success)
        {
            // "resets at 3" is too vague to act on.
            return false;
        }
        if (hour > 23 || minute > 59)
        {
            return false;
        }
        var zone = TimeZoneInfo.Utc;
        var zoneName = clock.Groups["tz"].Value;
        if (zoneName.Length > 0 && zoneName is not ("UTC" or "GMT" or "utc" or "gmt"))
        {
            try
            {
                zone = TimeZoneInfo.FindSystemTimeZoneById(zoneName);
            }
            catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                zone = TimeZoneInfo.Utc;
            }
        }
        var local = TimeZoneInfo.ConvertTime(reference, zone);
        var candidate = new DateTime(local.Year, local.Month, local.Day, hour, minute, 0, DateTimeKind.Unspecified);
        var offset = zone.GetUtcOffset(candidate);
        var at = new DateTimeOffset(candidate, offset);
        if (at <= reference)
        {
            candidate = candidate.AddDays(1);
            at = new DateTimeOffset(candidate, zone.GetUtcOffset(candidate));
        }
        reset = at.ToUniversalTime();
        return true;
    }

    [GeneratedRegex(@"rate[ _-]?limit|too many requests|usage limit|limit reached|quota|resets? at|try again in|\b429\b", RegexOptions.IgnoreCase)]
    private static partial Regex LimitWords();

    [GeneratedRegex(@"(?:limit reached|resets?(?: at)?)\s*[|:]?\s*(\d{10})\b", RegexOptions.IgnoreCase)]
    private static partial Regex Epoch();

    [GeneratedRegex(@"(?:try again|retry|resets?|available)\s+(?:in|after)\s+((?:\d+(?:\.\d+)?\s*(?:hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)\b[\s,and]*)+)", RegexOptions.IgnoreCase)]
    private static partial Regex Relative();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)\s*(hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DurationPart();

    [GeneratedRegex(@"resets?\s+(?:at\s+|on\s+)?(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)", RegexOptions.IgnoreCase)]
    private static partial Regex Absolute();

    [GeneratedRegex(@"resets?\s+(?:at\s+)?(?<h>\d{1,2})(?::(?<m>\d{2}))?\s*(?<ampm>am|pm)?(?:\s*\(?(?<tz>UTC|GMT|[A-Za-z_]+/[A-Za-z_]+)\)?)?", RegexOptions.IgnoreCase)]
    private static partial Regex TimeOfDay();
}
