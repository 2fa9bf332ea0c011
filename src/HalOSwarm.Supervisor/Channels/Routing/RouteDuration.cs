using System.Globalization;

namespace HalOSwarm.Supervisor.Channels.Routing;

/// <summary>A duration as routes write it: a whole number and a unit, <c>30s</c>, <c>5m</c>, <c>2h</c>, <c>1d</c>.</summary>
internal static class RouteDuration
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value) || value.Length < 2
            || !long.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0 || n > 100_000)
        {
            return false;
        }
        duration = value[^1] switch
        {
            's' => TimeSpan.FromSeconds(n),
            'm' => TimeSpan.FromMinutes(n),
            'h' => TimeSpan.FromHours(n),
            'd' => TimeSpan.FromDays(n),
            _ => TimeSpan.Zero,
        };
        return duration > TimeSpan.Zero;
    }

    /// <summary>The shortest text for <paramref name="duration"/> (<c>5m</c>, <c>90s</c>).</summary>
    public static string Format(TimeSpan duration) =>
        duration.TotalSeconds % 86400 == 0 ? $"{(long)duration.TotalDays}d"
        : duration.TotalSeconds % 3600 == 0 ? $"{(long)duration.TotalHours}h"
        : duration.TotalSeconds % 60 == 0 ? $"{(long)duration.TotalMinutes}m"
        : $"{(long)duration.TotalSeconds}s";
}
