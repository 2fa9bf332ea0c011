using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Commands;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Cost.Budgets;

/// <summary>What a budget at 100 % does to the sessions of its scope, and to nothing else.</summary>
public sealed class BudgetEnforcementTests
{
    [Fact]
    public async Task KillBudget_ProjectAtLimit_KillsItsRunningSessionRecordsWhyLeavesOtherProjectAlone()
    {
        await using var host = await BudgetHost.StartAsync(new JsonObject
        {
            ["budgets"] = new JsonArray(BudgetHost.Budget("alpha-day", "project:alpha", "kill", limitUsd: 1.00m)),
        });
        await using var agent = await TestAgent.ConnectAsync(host, "node-k",
            [AgentCommands.Session("ses_a", SessionStatuses.Running, "alpha"), AgentCommands.Session("ses_b", SessionStatuses.Running, "beta")],
            BudgetHost.Projects("alpha", "beta"));

        await agent.SendAndWaitAsync(BudgetHost.Usage(1, "ses_b", 5.00m, DateTimeOffset.UtcNow), BudgetHost.Usage(2, "ses_a", 1.25m, DateTimeOffset.UtcNow));
        var kill = await agent.ReceiveCommandAsync();
        await agent.ReplyAsync(kill);

        Assert.Equal((CommandTypes.Kill, "ses_a"), (kill.Type, kill.SessionId));
        var acted = Assert.Single(await host.WaitForEventsAsync("cost.budget", 1, e => e.GetProperty("decision").GetString() == "kill"));
        Assert.Equal(("alpha-day", "project:alpha", kill.CommandId), (acted.GetProperty("budget").GetString(), acted.GetProperty("scope").GetString(),
            acted.GetProperty("command_id").GetString()));
        Assert.Contains("budget 'alpha-day' (project:alpha) reached: $1.25 of $1.00 (daily, resets at", acted.GetProperty("reason").GetString(),
            StringComparison.Ordinal);
        var command = await host.WaitForStateAsync(kill.CommandId, "succeeded");
        Assert.Equal("policy:budget/alpha-day", command.GetProperty("actor").GetString());
        var audit = await host.GetDataAsync("/api/v1/audit?actor=policy:budget/alpha-day");
        var actions = audit.EnumerateArray().Select(a => (a.GetProperty("action").GetString(), a.GetProperty("target").GetString())).ToList();
        Assert.Contains(("command.kill", "ses_a"), actions);
        Assert.Contains(("budget.enforce", "alpha-day"), actions);
        var enforce = audit.EnumerateArray().Single(a => a.GetProperty("action").GetString() == "budget.enforce");
        Assert.StartsWith("budget 'alpha-day' (project:alpha) reached: $1.25 of $1.00", enforce.GetProperty("args").GetProperty("reason").GetString(),
            StringComparison.Ordinal);
        Assert.Empty((await host.GetDataAsync("/api/v1/commands?session_id=ses_b")).EnumerateArray());
        var budget = await host.GetDataAsync("/api/v1/budgets/alpha-day");
        Assert.Equal(("killing", 1.25m, 125m), (budget.GetProperty("state").GetString(), budget.GetProperty("spend_usd").GetDecimal(),
            budget.GetProperty("percent").GetDecimal()));
    }

    [Fact]
    public async Task BlockNewBudget_AtLimit_StartInScopeRefusedWithReasonOtherProjectStarts()
    {
        await using var host = await BudgetHost.StartAsync(new JsonObject
        {
            ["budgets"] = new JsonArray(BudgetHost.Budget("alpha-tokens", "project:alpha", "block_new", limitTokens: 1000)),
        });
        await using var agent = await TestAgent.ConnectAsync(host, "node-b", [AgentCommands.Session("ses_a", SessionStatuses.Idle, "alpha")],
            BudgetHost.Projects("alpha", "beta"));
        await agent.SendAndWaitAsync(BudgetHost.Usage(1, "ses_a", 0.01m, DateTimeOffset.UtcNow, tokens: 1500));

        using var refused = await host.Api.PostAsJsonAsync("/api/v1/projects/alpha/start", new { prompt = "more" });
        var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        var other = host.Api.PostAsJsonAsync("/api/v1/projects/beta/start", new { prompt = "go" });
        var start = await agent.ReceiveCommandAsync();
        await agent.ReplyAsync(start, """{"session_id":"ses_new"}""");
        using var started = await other;

        Assert.Equal(409, (int)refused.StatusCode);
        Assert.Equal("budget_exceeded", body.GetProperty("code").GetString());
        Assert.StartsWith("budget 'alpha-tokens' (project:alpha) reached: 1500 tokens of 1000 tokens (daily, resets at ", body.GetProperty("error").GetString(),
            StringComparison.Ordinal);
        Assert.Equal(("beta", 200), (start.Project, (int)started.StatusCode));
        var rejected = (await host.GetDataAsync("/api/v1/audit?action=command.start")).EnumerateArray().Single(a => a.GetProperty("result").GetString() == "rejected");
        Assert.Contains("budget 'alpha-tokens'", rejected.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PauseBudget_AtLimit_AbortsRunningTurnHoldsPromptUntilLiftedThenDelivers()
    {
        await using var host = await BudgetHost.StartAsync(new JsonObject
        {
            ["budgets"] = new JsonArray(BudgetHost.Budget("fleet", "global", "pause", limitUsd: 2m)),
        });
        await using var agent = await TestAgent.ConnectAsync(host, "node-p", [AgentCommands.Session("ses_a", SessionStatuses.Running, "alpha")]);

        await agent.SendAndWaitAsync(BudgetHost.Usage(1, "ses_a", 2.5m, DateTimeOffset.UtcNow));
        var abort = await agent.ReceiveCommandAsync();
        await agent.ReplyAsync(abort);
        await agent.SendAndWaitAsync(Ev.Make(2, EventTypes.SessionIdle, "ses_a"));
        var (heldStatus, heldBody) = await host.PostAsync("/api/v1/sessions/ses_a/prompt", new { text = "continue please" });
        var held = heldBody.Command();
        var listed = await host.GetDataAsync("/api/v1/budgets");
        var (liftStatus, lifted) = await host.SendAsync(HttpMethod.Post, "/api/v1/budgets/fleet/lift");
        var prompt = await agent.ReceiveCommandAsync();
        await agent.ReplyAsync(prompt);

        Assert.Equal((CommandTypes.Abort, "ses_a"), (abort.Type, abort.SessionId));
        Assert.Equal((202, "held"), (heldStatus, held.GetProperty("state").GetString()));
        Assert.StartsWith("held: budget 'fleet' (global) reached: $2.50 of $2.00", held.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("paused", Assert.Single(listed.EnumerateArray()).GetProperty("state").GetString());
        Assert.Equal((200, "lifted"), (liftStatus, lifted.GetProperty("data").GetProperty("state").GetString()));
        Assert.Equal((CommandTypes.Prompt, held.GetProperty("command_id").GetString(), "continue please"),
            (prompt.Type, prompt.CommandId, prompt.Args.GetProperty("text").GetString()));
        await host.WaitForStateAsync(prompt.CommandId, "succeeded");
        var liftAudit = Assert.Single((await host.GetDataAsync("/api/v1/audit?action=budget.lift")).EnumerateArray());
        Assert.Equal("fleet", liftAudit.GetProperty("target").GetString());
    }
}
