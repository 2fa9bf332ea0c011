using System.Globalization;

namespace HalOSwarm.Supervisor.Storage.Sqlite;

/// <summary>
/// Times are stored as fixed-width ISO 8601 UTC text (<c>2026-11-25T12:00:00.0000000Z</c>) so that text order is
/// time order and range filters can use indexes.
/// </summary>
internal static class SqliteTime
{
    private const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);

    public static string? Format(DateTimeOffset? value) => value is { } v ? Format(v) : null;

    public static DateTimeOffset Parse(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static DateTimeOffset? ParseNullable(string? value) => value is null ? null : Parse(value);
}
