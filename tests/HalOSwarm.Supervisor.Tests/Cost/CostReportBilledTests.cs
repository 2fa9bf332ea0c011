using System.Text.Json;
using HalOSwarm.Supervisor.Tests.Cost.Providers;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Cost;

/// <summary>
/// <c>GET /api/v1/cost</c>'s providers section with the real pollers against the fake billing APIs: billed beside metered
/// per UTC day with the difference, and a provider that goes down marked degraded while the rest is served.
/// </summary>
public sealed class CostReportBilledTests
{
    [Fact]
    public async Task Providers_PolledBilling_BilledBesideMeteredThenDegradedProviderServedWithItsReason()
    {
        await using var fakes = await ProviderFakes.StartAsync();
        var today = ProviderFakes.Today;
        fakes.Anthropic.AddCost(today, null, "Claude Sonnet Usage - Input", "300");
        fakes.OpenAI.AddCost(today, null, "gpt-5, input", 2m);
        await using var host = await SupervisorHost.StartAsync(fakes.Configure());
        await using var agent = await TestAgent.ConnectAsync(host, "node-a");
        var now = DateTimeOffset.UtcNow;
        await agent.SendEventsAsync(
            UsageEvents.Created(1, "ses_1", "web"),
            UsageEvents.At(2, now, "ses_1", "anthropic", "claude-sonnet-4", 2.5m),
            UsageEvents.At(3, now, "ses_1", "openai", "gpt-5", 2m));
        await agent.WaitForAckAsync(3);
        await ProviderFakes.PollAsync(host);

        var report = await host.GetDataAsync("/api/v1/cost?period=today");

        var day = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"ok 2.5 3 0.5 [{day} 2.5 3 0.5]", Line(report, "anthropic"));
        Assert.Equal($"ok 2 2 0 [{day} 2 2 0]", Line(report, "openai"));

        fakes.Anthropic.Down = true;
        await ProviderFakes.PollAsync(host);
        var degraded = await host.GetDataAsync("/api/v1/cost?period=today");

        var anthropic = Provider(degraded, "anthropic");
        Assert.Equal("degraded", anthropic.GetProperty("status").GetString());
        Assert.Contains("HTTP 503", anthropic.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal($"degraded 2.5 3 0.5 [{day} 2.5 3 0.5]", Line(degraded, "anthropic"));
        Assert.Equal($"ok 2 2 0 [{day} 2 2 0]", Line(degraded, "openai"));
        Assert.Equal(4.5m, degraded.GetProperty("totals").GetProperty("cost_usd").GetDecimal());
    }

    private static JsonElement Provider(JsonElement report, string name) =>
        Assert.Single(report.GetProperty("providers").EnumerateArray(), p => p.GetProperty("provider").GetString() == name);

    private static string Line(JsonElement report, string name)
    {
        var p = Provider(report, name);
        var days = p.GetProperty("days").EnumerateArray().Select(d =>
            $"{d.GetProperty("date").GetString()} {d.GetProperty("metered_usd").GetDecimal()} {d.GetProperty("billed_usd").GetDecimal()} {d.GetProperty("difference_usd").GetDecimal()}");
        return $"{p.GetProperty("status").GetString()} {p.GetProperty("metered_usd").GetDecimal()} {p.GetProperty("billed_usd").GetDecimal()} "
            + $"{p.GetProperty("difference_usd").GetDecimal()} [{string.Join(", ", days)}]";
    }
}
