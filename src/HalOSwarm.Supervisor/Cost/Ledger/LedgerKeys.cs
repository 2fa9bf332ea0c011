using System.Globalization;

namespace HalOSwarm.Supervisor.Cost.Ledger;

/// <summary>How the ledger writes its hour and day keys and its money (the projection, the totals and the report share them).</summary>
internal static class LedgerKeys
{
    /// <summary>USD × 10^9 per stored unit.</summary>
    public const decimal NanosPerUsd = 1_000_000_000m;

    /// <summary><c>YYYY-MM-DDTHH:00:00Z</c>, the start of the UTC hour holding <paramref name="at"/>.</summary>
    public static string Hour(DateTimeOffset at) => CostCalendar.UtcHour(at).ToString("yyyy-MM-dd'T'HH':00:00Z'", CultureInfo.InvariantCulture);

    /// <summary><c>YYYY-MM-DD</c>.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static long ToNanos(decimal usd) => (long)decimal.Round(usd * NanosPerUsd, 0, MidpointRounding.ToEven);

    public static decimal FromNanos(long nanos) => nanos / NanosPerUsd;
}
