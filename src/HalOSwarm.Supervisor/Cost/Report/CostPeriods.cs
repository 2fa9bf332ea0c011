namespace HalOSwarm.Supervisor.Cost.Report;

/// <summary>The report's periods, as local days of <c>cost.time_zone</c>.</summary>
internal static class CostPeriods
{
    /// <summary>The local day.</summary>
    public const string Today = "today";

    /// <summary>Monday to today.</summary>
    public const string Week = "week";

    /// <summary>The 1st of the month to today.</summary>
    public const string Month = "month";

    /// <summary><c>from</c> to <c>to</c>, inclusive.</summary>
    public const string Custom = "custom";

    /// <summary>The longest custom period, in days.</summary>
    public const int MaxDays = 366;

    public static readonly string[] All = [Today, Week, Month, Custom];
}
