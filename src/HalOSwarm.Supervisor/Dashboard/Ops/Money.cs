using System.Globalization;

namespace HalOSwarm.Supervisor.Dashboard.Ops;

/// <summary>USD as the dashboard writes it: cents always, small amounts to 10^-6 (<c>$0.0043</c>, like <c>halctl cost</c>).</summary>
internal static class Money
{
    public static string Usd(decimal value) => "$" + value.ToString("#,0.00####", CultureInfo.InvariantCulture);

    public static string Usd(decimal? value) => value is { } v ? Usd(v) : "–";

    public static string Tokens(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
