using System.Text.Json.Nodes;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Cost.Budgets;

/// <summary>A kill budget stops the sessions of cost.critical_projects last: only from 120 % of its limit.</summary>
public sealed class BudgetCriticalTests
{
    [Fact]
    public async Task KillBudget_CriticalProject_KilledOnlyFrom120Percent()
    {
        var probe = BudgetHost.Budget("zz-probe", "global", "alert", limitUsd: 100m);
        probe["thresholds"] = new JsonArray(11);
        await using var host = await BudgetHost.StartAsync(new JsonObject
        {
            ["critical_projects"] = new JsonArray("prod"),
            // Evaluated after "fleet" in the same pass (budgets go by name): its event says fleet's pass is done.
            ["budgets"] = new JsonArray(BudgetHost.Budget("fleet", "global", "kill", limitUsd: 10m), probe),
        });
        await using var agent = await TestAgent.ConnectAsync(host, "node-c",
            [AgentCommands.Session("ses_prod", SessionStatuses.Running, "prod"), AgentCommands.Session("ses_dev", SessionStatuses.Running, "alpha")],
            BudgetHost.Projects("prod", "alpha"));

        await agent.SendAndWaitAsync(BudgetHost.Usage(1, "ses_prod", 11m, DateTimeOffset.UtcNow));
        var first = await agent.ReceiveCommandAsync();
        await agent.ReplyAsync(first);
        await host.WaitForEventsAsync("cost.threshold", 1, e => e.GetProperty("budget").GetString() == "zz-probe");
        var prodCommandsAt110 = (await host.GetDataAsync("/api/v1/commands?session_id=ses_prod")).GetArrayLength();
        await agent.SendAndWaitAsync(BudgetHost.Usage(2, "ses_dev", 1.5m, DateTimeOffset.UtcNow));
        var second = await agent.ReceiveCommandAsync();
        await agent.ReplyAsync(second);

        Assert.Equal((CommandTypes.Kill, "ses_dev"), (first.Type, first.SessionId));
        Assert.Equal(0, prodCommandsAt110);
        Assert.Equal((CommandTypes.Kill, "ses_prod"), (second.Type, second.SessionId));
        var prodKill = Assert.Single(await host.WaitForEventsAsync("cost.budget", 1, e => e.TryGetProperty("project", out var p) && p.GetString() == "prod"));
        Assert.True(prodKill.GetProperty("critical").GetBoolean());
        Assert.Contains("past 120 %", prodKill.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }
}
