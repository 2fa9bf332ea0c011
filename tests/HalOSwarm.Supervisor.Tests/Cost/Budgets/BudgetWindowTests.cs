using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace HalOSwarm.Supervisor.Tests.Cost.Budgets;

/// <summary>Thresholds once per window, and windows that end at midnight of cost.time_zone (a fake clock drives the host).</summary>
public sealed class BudgetWindowTests
{
    // 23:50 in Berlin (UTC+1 in November): the day's window began at 2026-11-24T23:00Z and resets at 2026-11-25T23:00Z.
    private static readonly DateTimeOffset s_lateEvening = new(2026, 11, 25, 22, 50, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset s_firstDay = new(2026, 11, 24, 23, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset s_secondDay = new(2026, 11, 25, 23, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task DailyBudget_ThresholdsOncePerWindow_ResetAtBerlinMidnightStartsFromZeroAndFiresAgain()
    {
        var time = new FakeTimeProvider(s_lateEvening);
        await using var host = await BudgetHost.StartAsync(new JsonObject
        {
            ["time_zone"] = "Europe/Berlin",
            ["budgets"] = new JsonArray(BudgetHost.Budget("day", "global", "alert", limitUsd: 1.00m)),
        }, time);
        await using var agent = await TestAgent.ConnectAsync(host, "node-w", [AgentCommands.Session("ses_a", SessionStatuses.Running, "alpha")]);

        await agent.SendAndWaitAsync(BudgetHost.Usage(1, "ses_a", 0.60m, time.GetUtcNow()));
        await host.WaitForEventsAsync("cost.threshold", 1);
        // Each booked usage wakes the evaluator: the budget is evaluated again at 70 % (nothing new), then at 95 %.
        await agent.SendAndWaitAsync(BudgetHost.Usage(2, "ses_a", 0.10m, time.GetUtcNow()));
        time.Advance(TimeSpan.FromSeconds(5));
        await agent.SendAndWaitAsync(BudgetHost.Usage(3, "ses_a", 0.25m, time.GetUtcNow()));
        var firstDay = await host.WaitForEventsAsync("cost.threshold", 3);
        time.Advance(TimeSpan.FromSeconds(5));

        time.SetUtcNow(s_secondDay.AddMinutes(5));
        var reset = await host.GetDataAsync("/api/v1/budgets/day");
        await agent.SendAndWaitAsync(BudgetHost.Usage(4, "ses_a", 0.55m, time.GetUtcNow()));
        var all = await host.WaitForEventsAsync("cost.threshold", 4);
        var afterReset = await host.GetDataAsync("/api/v1/budgets/day");

        Assert.Equal([50, 75, 90], firstDay.Select(e => e.GetProperty("threshold").GetInt32()));
        Assert.All(firstDay, e => Assert.Equal(s_firstDay, e.GetProperty("window_start").GetDateTimeOffset()));
        Assert.Equal((0.95m, 1.00m, "day", "daily"), (firstDay[2].GetProperty("spend_usd").GetDecimal(), firstDay[2].GetProperty("limit_usd").GetDecimal(),
            firstDay[2].GetProperty("budget").GetString(), firstDay[2].GetProperty("window").GetString()));
        Assert.Equal((s_secondDay, 0m, "ok"), (reset.GetProperty("window_start").GetDateTimeOffset(), reset.GetProperty("spend_usd").GetDecimal(),
            reset.GetProperty("state").GetString()));
        Assert.Equal(s_secondDay.AddDays(1), reset.GetProperty("resets_at").GetDateTimeOffset());
        var second = Assert.Single(all, e => e.GetProperty("window_start").GetDateTimeOffset() == s_secondDay);
        Assert.Equal((50, 0.55m), (second.GetProperty("threshold").GetInt32(), second.GetProperty("spend_usd").GetDecimal()));
        Assert.Equal(4, all.Count);
        Assert.Equal([50], afterReset.GetProperty("thresholds_reached").EnumerateArray().Select(t => t.GetInt32()));
    }

    [Fact]
    public async Task Thresholds_SupervisorRestarted_NotRecordedAgainInTheSameWindow()
    {
        using var temp = new HalOSwarm.Testing.TempDirectory("hal-budget-restart");
        var cost = new JsonObject { ["budgets"] = new JsonArray(BudgetHost.Budget("day", "global", "alert", limitUsd: 1m)) };
        await using (var host = await SupervisorHost.StartAsync(c => c["cost"] = cost.DeepClone(), temp))
        {
            await using var agent = await TestAgent.ConnectAsync(host, "node-r", [AgentCommands.Session("ses_a", SessionStatuses.Running, "alpha")]);
            await agent.SendAndWaitAsync(BudgetHost.Usage(1, "ses_a", 0.6m, DateTimeOffset.UtcNow));
            await host.WaitForEventsAsync("cost.threshold", 1);
        }

        await using var again = await SupervisorHost.StartAsync(c => c["cost"] = cost.DeepClone(), temp);
        await using var back = await TestAgent.ConnectAsync(again, "node-r", [AgentCommands.Session("ses_a", SessionStatuses.Running, "alpha")],
            outboxFirst: 2, outboxLast: 2);
        await back.SendAndWaitAsync(BudgetHost.Usage(2, "ses_a", 0.2m, DateTimeOffset.UtcNow));
        var all = await again.WaitForEventsAsync("cost.threshold", 2);

        Assert.Equal([50, 75], all.Select(e => e.GetProperty("threshold").GetInt32()));
    }
}
