using System.Globalization;

namespace HalOSwarm.Supervisor.Dashboard.Fleet;

/// <summary>How the fleet page writes numbers and times.</summary>
internal static class FleetFormat
{
    public static string Tokens(long tokens) => tokens switch
    {
        >= 1_000_000 => (tokens / 1_000_000d).ToString("0.0", CultureInfo.InvariantCulture) + "M",
        >= 1_000 => (tokens / 1_000d).ToString("0.0", CultureInfo.InvariantCulture) + "k",
        _ => tokens.ToString(CultureInfo.InvariantCulture),
    };

    public static string Cost(double usd) => "$" + usd.ToString(usd >= 10 ? "0.00" : "0.0000", CultureInfo.InvariantCulture);

    public static string Task(string? task, long? done, long? total) =>
        task is null ? "" : done is { } d && total is { } t ? $"{task} ({d}/{t})" : task;

    public static string Share(long used, long total) =>
        total <= 0 ? "" : (100d * used / total).ToString("0", CultureInfo.InvariantCulture) + "%";

    public static string Ago(DateTimeOffset? at, DateTimeOffset now)
    {
        if (at is not { } when)
        {
            return "";
        }
        var age = now - when;
        return age.TotalSeconds switch
        {
            < 5 => "just now",
            < 60 => $"{(int)age.TotalSeconds}s ago",
            < 3600 => $"{(int)age.TotalMinutes}m ago",
            < 86400 => $"{(int)age.TotalHours}h ago",
            _ => when.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC",
        };
    }
}
