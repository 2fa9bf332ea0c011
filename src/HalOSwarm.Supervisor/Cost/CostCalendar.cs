using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Cost;

/// <summary>
/// The days, weeks (from Monday) and months of <c>cost.time_zone</c>, and the UTC hour the ledger books by. Everything
/// that cuts spend into windows (the ledger's local day, budgets, the forecast, the report) asks this one place.
/// </summary>
internal sealed class CostCalendar
{
    public CostCalendar(IOptions<CostOptions> options)
        : this(TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone))
    {
    }

    public CostCalendar(TimeZoneInfo zone) => Zone = zone;

    public TimeZoneInfo Zone { get; }

    /// <summary>The local date of an instant.</summary>
    public DateOnly LocalDay(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone).DateTime);

    /// <summary>The start of the UTC hour an instant falls in.</summary>
    public static DateTimeOffset UtcHour(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    /// <summary>The instant a local date begins (its midnight in the zone; the first valid instant when a DST jump skips midnight).</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    /// <summary>The first and last local dates of the window <paramref name="window"/> (daily, weekly, monthly) holding <paramref name="at"/>.</summary>
    public (DateOnly First, DateOnly Last) Window(string window, DateTimeOffset at)
    {
        var day = LocalDay(at);
        return window switch
        {
            CostWindows.Daily => (day, day),
            CostWindows.Weekly => (day.AddDays(-(((int)day.DayOfWeek + 6) % 7)), day.AddDays(6 - (((int)day.DayOfWeek + 6) % 7))),
            CostWindows.Monthly => (new DateOnly(day.Year, day.Month, 1), new DateOnly(day.Year, day.Month, DateTime.DaysInMonth(day.Year, day.Month))),
            _ => throw new ArgumentOutOfRangeException(nameof(window), window, "not a window"),
        };
    }
}
