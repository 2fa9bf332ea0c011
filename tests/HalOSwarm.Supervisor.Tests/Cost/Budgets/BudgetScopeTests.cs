using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Commands;
using HalOSwarm.Supervisor.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace HalOSwarm.Supervisor.Tests.Cost.Budgets;

/// <summary>Account scopes, and a pause that ends with its window.</summary>
public sealed class BudgetScopeTests
{
    [Fact]
    public async Task KillBudget_AccountScope_KillsOnlySessionsBookedToTheAccount()
    {
        var probe = BudgetHost.Budget("zz-probe", "global", "alert", limitUsd: 1000m);
        probe["thresholds"] = new JsonArray(1);
        await using var host = await BudgetHost.StartAsync(new JsonObject
        {
            ["budgets"] = new JsonArray(BudgetHost.Budget("anthropic-day", "account:anthropic", "kill", limitUsd: 5m), probe),
        });
        await using var agent = await TestAgent.ConnectAsync(host, "node-acc",
            [AgentCommands.Session("ses_claude", SessionStatuses.Running), AgentCommands.Session("ses_gpt", SessionStatuses.Running)]);

        // Without cost.accounts, usage goes to the provider's default account, named after it.
        var gpt = new AgentEvent(1, EventTypes.Usage, "ses_gpt", DateTimeOffset.UtcNow,
            JsonDocument.Parse(LedgerRows.Usage("m1", "openai", "gpt-y", 10, 1, 20m)).RootElement.Clone());
        await agent.SendAndWaitAsync(gpt, BudgetHost.Usage(2, "ses_claude", 6m, DateTimeOffset.UtcNow));
        var kill = await agent.ReceiveCommandAsync();
        await agent.ReplyAsync(kill);
        await host.WaitForEventsAsync("cost.threshold", 1, e => e.GetProperty("budget").GetString() == "zz-probe");

        Assert.Equal((CommandTypes.Kill, "ses_claude"), (kill.Type, kill.SessionId));
        Assert.Empty((await host.GetDataAsync("/api/v1/commands?session_id=ses_gpt")).EnumerateArray());
        Assert.Equal(6m, (await host.GetDataAsync("/api/v1/budgets/anthropic-day")).GetProperty("spend_usd").GetDecimal());
    }

    [Fact]
    public async Task UsdBudgets_SubscriptionUsage_CountsOnlyForItsAccountsBudgetNeverForGlobal()
    {
        var probe = BudgetHost.Budget("zz-probe", "account:claude-max", "alert", limitUsd: 100m);
        probe["thresholds"] = new JsonArray(1);
        await using var host = await BudgetHost.StartAsync(new JsonObject
        {
            ["accounts"] = new JsonArray(new JsonObject { ["name"] = "claude-max", ["kind"] = "subscription", ["provider"] = "anthropic" }),
            ["budgets"] = new JsonArray(BudgetHost.Budget("fleet", "global", "kill", limitUsd: 5m),
                BudgetHost.Budget("max", "account:claude-max", "alert", limitUsd: 5m), probe),
        });
        await using var agent = await TestAgent.ConnectAsync(host, "node-sub", [AgentCommands.Session("ses_c", SessionStatuses.Running)]);

        // $6 of a subscription login's tokens at the equivalent price: over the account's $5, not the fleet's billed spend
        await agent.SendAndWaitAsync(BudgetHost.Usage(1, "ses_c", 6m, DateTimeOffset.UtcNow));
        await host.WaitForEventsAsync("cost.threshold", 1, e => e.GetProperty("budget").GetString() == "zz-probe");
        var max = await host.WaitForEventsAsync("cost.threshold", 4, e => e.GetProperty("budget").GetString() == "max");

        Assert.Equal([50, 75, 90, 100], max.Select(e => e.GetProperty("threshold").GetInt32()));
        var fleet = await host.GetDataAsync("/api/v1/budgets/fleet");
        Assert.Equal(("ok", 0m), (fleet.GetProperty("state").GetString(), fleet.GetProperty("spend_usd").GetDecimal()));
        Assert.Empty((await host.GetDataAsync("/api/v1/commands?session_id=ses_c")).EnumerateArray());
    }

    [Fact]
    public async Task PauseBudget_WindowResets_HeldPromptSentAtMidnight()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 23, 59, 0, TimeSpan.Zero));
        await using var host = await BudgetHost.StartAsync(new JsonObject
        {
            ["budgets"] = new JsonArray(BudgetHost.Budget("day", "project:alpha", "pause", limitUsd: 1m)),
        }, time);
        await using var agent = await TestAgent.ConnectAsync(host, "node-mid", [AgentCommands.Session("ses_a", SessionStatuses.Idle, "alpha")]);
        await agent.SendAndWaitAsync(BudgetHost.Usage(1, "ses_a", 1.5m, time.GetUtcNow()));
        await host.WaitForEventsAsync("cost.budget", 1);

        var (status, body) = await host.PostAsync("/api/v1/sessions/ses_a/prompt", new { text = "tomorrow" });
        time.SetUtcNow(new DateTimeOffset(2026, 11, 26, 0, 0, 5, TimeSpan.Zero));
        var prompt = await agent.ReceiveCommandAsync();
        await agent.ReplyAsync(prompt);
        var budget = await host.GetDataAsync("/api/v1/budgets/day");

        Assert.Equal((202, "held"), (status, body.Command().GetProperty("state").GetString()));
        Assert.Equal((CommandTypes.Prompt, body.Command().GetProperty("command_id").GetString()), (prompt.Type, prompt.CommandId));
        Assert.Equal(("ok", 0m), (budget.GetProperty("state").GetString(), budget.GetProperty("spend_usd").GetDecimal()));
        await host.WaitForStateAsync(prompt.CommandId, "succeeded");
    }
}
