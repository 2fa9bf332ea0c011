using HalOSwarm.Supervisor.Cost.Providers;

namespace HalOSwarm.Supervisor.Tests.Cost.Providers;

public sealed class BillingAmountsTests
{
    [Theory]
    [InlineData("123.78912", "1.2378912")]
    [InlineData("0", "0")]
    [InlineData("-25.5", "-0.255")]
    [InlineData("123456789.01234567891", "1234567.8901234567891")]
    public void CentsToUsd_DecimalString_Exact(string cents, string usd) =>
        Assert.Equal(decimal.Parse(usd, System.Globalization.CultureInfo.InvariantCulture), BillingAmounts.CentsToUsd(cents));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12,5")]
    [InlineData("1e3")]
    [InlineData("NaN")]
    [InlineData("100000000001")]
    public void CentsToUsd_NotACentsString_RefusedWithTheValue(string? cents)
    {
        var ex = Assert.Throws<ProviderPollException>(() => BillingAmounts.CentsToUsd(cents));
        Assert.Contains("cost amount", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToNanos_ExactDecimal_RoundsToTheNearestNanoDollar() =>
        Assert.Equal(1_237_891_200L, BillingAmounts.ToNanos(1.2378912m));
}
