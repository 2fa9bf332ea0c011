using System.Globalization;
using HalOSwarm.Supervisor.Api;

namespace HalOSwarm.Supervisor.Cost.Report;

/// <summary>
/// <c>GET /api/v1/cost</c>'s query, checked: the period as local days (<paramref name="First"/>..<paramref name="Last"/>,
/// inclusive), <paramref name="Today"/> (the local day the request was made on), the dimensions and the row limit.
/// </summary>
internal sealed record CostReportRequest(string Period, DateOnly First, DateOnly Last, DateOnly Today, IReadOnlyList<string> GroupBy, int Limit)
{
    public const int MaxGroupByLength = 100;
    public const int DefaultLimit = 1000;
    public const int MaxLimit = 10_000;

    private static readonly string[] s_dates = ["from", "to"];
    private static readonly DateOnly s_earliest = new(2000, 1, 1);
    private static readonly DateOnly s_latest = new(2999, 12, 31);

    /// <summary>Reads the query; every problem goes to <paramref name="query"/>'s errors and the answer is then null.</summary>
    public static CostReportRequest? Read(QueryReader query, CostCalendar calendar, DateTimeOffset now)
    {
        var period = query.OneOf("period", CostPeriods.All) ?? (query.String("period") is null ? CostPeriods.Today : null);
        var from = Date(query, "from");
        var to = Date(query, "to");
        var groupBy = ReadGroupBy(query);
        var limit = query.Limit(DefaultLimit, MaxLimit);
        var today = calendar.LocalDay(now);
        DateOnly first = today, last = today;
        switch (period)
        {
            case CostPeriods.Custom:
                if (query.String("from") is null)
                {
                    query.Add("from", "is required with period=custom (YYYY-MM-DD, a local date of cost.time_zone)");
                }
                if (query.String("to") is null)
                {
                    query.Add("to", "is required with period=custom (YYYY-MM-DD, a local date of cost.time_zone)");
                }
                if (from is { } f && to is { } t)
                {
                    if (f > t)
                    {
                        query.Add("from", $"must not be after to ({Text(f)} > {Text(t)})");
                    }
                    else if (t.DayNumber - f.DayNumber + 1 > CostPeriods.MaxDays)
                    {
                        query.Add("to", $"the period spans {t.DayNumber - f.DayNumber + 1} days; at most {CostPeriods.MaxDays}");
                    }
                    (first, last) = (f, t);
                }
                break;
            case null:
                break;
            default:
                foreach (var name in s_dates.Where(n => query.String(n) is not null))
                {
                    query.Add(name, $"is only read with period=custom (period was '{period}')");
                }
                first = period switch
                {
                    CostPeriods.Week => calendar.Window(CostWindows.Weekly, now).First,
                    CostPeriods.Month => calendar.Window(CostWindows.Monthly, now).First,
                    _ => today,
                };
                break;
        }
        return query.HasErrors ? null : new CostReportRequest(period!, first, last, today, groupBy, limit);
    }

    private static DateOnly? Date(QueryReader query, string name)
    {
        var value = query.String(name);
        if (value is null)
        {
            return null;
        }
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || date < s_earliest || date > s_latest)
        {
            query.Add(name, $"must be a date YYYY-MM-DD from {Text(s_earliest)} to {Text(s_latest)} (was '{Shown(value)}')");
            return null;
        }
        return date;
    }

    private static string[] ReadGroupBy(QueryReader query)
    {
        var value = query.String("group_by");
        if (value is null)
        {
            return CostDimensions.Default;
        }
        if (value.Length > MaxGroupByLength)
        {
            query.Add("group_by", $"is {value.Length} characters long; at most {MaxGroupByLength}");
            return CostDimensions.Default;
        }
        var names = value.Split(',', StringSplitOptions.TrimEntries);
        var unknown = names.Where(n => !CostDimensions.All.Contains(n, StringComparer.Ordinal)).Select(n => $"'{n}'").Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            query.Add("group_by", $"unknown dimension {string.Join(", ", unknown)}: must be a comma list of {string.Join(", ", CostDimensions.All)}");
        }
        var twice = names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1 && g.Key.Length > 0).Select(g => $"'{g.Key}'").ToList();
        if (twice.Count > 0)
        {
            query.Add("group_by", $"names {string.Join(", ", twice)} more than once");
        }
        return names;
    }

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Shown(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
