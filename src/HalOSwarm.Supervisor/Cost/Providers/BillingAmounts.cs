using System.Globalization;

namespace HalOSwarm.Supervisor.Cost.Providers;

/// <summary>The providers' amounts as exact decimals: never through double, which rounds past about 15 digits.</summary>
internal static class BillingAmounts
{
    private const NumberStyles Style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    /// <summary>Anthropic's cost report amount, a decimal string in cents (<c>"123.78912"</c> → 1.2378912 USD).</summary>
    public static decimal CentsToUsd(string? cents)
    {
        if (cents is null || cents.Length > 64 || !decimal.TryParse(cents, Style, CultureInfo.InvariantCulture, out var value))
        {
            throw new ProviderPollException($"a cost amount that is not a decimal string of cents ('{(cents is null ? "null" : cents[..Math.Min(cents.Length, 64)])}')");
        }
        var usd = value / 100m;
        if (Math.Abs(usd) > MaxUsd)
        {
            throw new ProviderPollException($"a cost amount beyond {MaxUsd} USD");
        }
        return usd;
    }

    /// <summary>A billion dollars in one row: beyond it an amount is not believed (and would not fit <see cref="ToNanos"/>).</summary>
    public const decimal MaxUsd = 1_000_000_000m;

    /// <summary>USD × 10^9 rounded to the nearest nano-dollar, as the ledger stores money (for SQL sums; the exact text is kept beside it).</summary>
    public static long ToNanos(decimal usd) => (long)decimal.Round(usd * 1_000_000_000m, MidpointRounding.AwayFromZero);

    public static string Format(decimal usd) => usd.ToString(CultureInfo.InvariantCulture);

    public static decimal Parse(string text) => decimal.Parse(text, Style, CultureInfo.InvariantCulture);
}
