using System.Text.Json.Nodes;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Cost.Forecast;
using HalOSwarm.Supervisor.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace HalOSwarm.Supervisor.Tests.Cost.Budgets;

/// <summary>The spend rate over cost.forecast.window_minutes, projected to the day, the month and each budget's crossing.</summary>
public sealed class CostForecastTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 25, 12, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Forecast_FourDollarsAnHour_ProjectsDayMonthAndCrossingAndRecordsItOnce()
    {
        var time = new FakeTimeProvider(s_now);
        await using var host = await BudgetHost.StartAsync(new JsonObject
        {
            ["forecast"] = new JsonObject { ["window_minutes"] = 30, ["horizon_hours"] = 6 },
            ["budgets"] = new JsonArray(BudgetHost.Budget("day", "global", "alert", limitUsd: 10m), BudgetHost.Budget("month", "global", "alert", limitUsd: 1000m,
                window: "monthly")),
        }, time);
        await using var agent = await TestAgent.ConnectAsync(host, "node-f", [AgentCommands.Session("ses_a", SessionStatuses.Running, "alpha")]);

        // $2 booked in the UTC hour that began at 12:00, half an hour ago: $4 an hour.
        await agent.SendAndWaitAsync(BudgetHost.Usage(1, "ses_a", 1.5m, s_now), BudgetHost.Usage(2, "ses_a", 0.5m, s_now));
        var recorded = Assert.Single(await host.WaitForEventsAsync("cost.forecast", 1));
        await agent.SendAndWaitAsync(BudgetHost.Usage(3, "ses_a", 0.001m, s_now));
        var snapshot = await host.Service<CostForecast>().GetAsync(CancellationToken.None);
        var day = await host.GetDataAsync("/api/v1/budgets/day");
        var month = await host.GetDataAsync("/api/v1/budgets/month");

        Assert.Equal(("day", s_now.AddHours(2), 4m), (recorded.GetProperty("budget").GetString(), recorded.GetProperty("predicted_at").GetDateTimeOffset(),
            recorded.GetProperty("rate_per_hour").GetDecimal()));
        Assert.Equal((4.002m, 2.001m), (snapshot.RateUsdPerHour, snapshot.SpentDayUsd));
        Assert.Equal(2.001m + 4.002m * 11.5m, snapshot.ProjectedDayUsd); // 11.5 hours left today (UTC)
        Assert.Equal(2.001m + 4.002m * 131.5m, snapshot.ProjectedMonthUsd); // 5 days 11.5 hours left in November
        var crossing = day.GetProperty("forecast").GetProperty("crossing_at").GetDateTimeOffset();
        Assert.True(crossing > s_now.AddHours(1.99) && crossing < s_now.AddHours(2), $"crossing at {crossing}");
        Assert.True(day.GetProperty("forecast").GetProperty("within_horizon").GetBoolean());
        // The monthly budget would cross only after 249 hours, beyond the window's end: no crossing, no event.
        Assert.Equal(System.Text.Json.JsonValueKind.Null, month.GetProperty("forecast").GetProperty("crossing_at").ValueKind);
        Assert.Single(await host.EventsAsync("cost.forecast"));
    }
}
