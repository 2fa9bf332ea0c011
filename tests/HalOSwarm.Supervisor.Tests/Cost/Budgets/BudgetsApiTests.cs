using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Support;
using HalOSwarm.Testing;

namespace HalOSwarm.Supervisor.Tests.Cost.Budgets;

/// <summary><c>/api/v1/budgets</c>: set, read, delete and lift; every refusal names its field and changes nothing.</summary>
public sealed class BudgetsApiTests
{
    [Fact]
    public async Task Put_EveryRuleBroken_400NamesEachFieldNothingStored()
    {
        await using var host = await BudgetHost.StartAsync(new JsonObject());

        var (status, body) = await host.SendAsync(HttpMethod.Put, "/api/v1/budgets/day", new
        {
            scope = "team:x",
            window = "hourly",
            limit_usd = 0,
            limit_tokens = 10,
            thresholds = new[] { 90, 50, 150 },
            action = "explode",
        });
        var (badName, _) = await host.SendAsync(HttpMethod.Put, "/api/v1/budgets/no%20spaces", new { limit_usd = 1 });

        Assert.Equal((400, 400), (status, badName));
        var fields = body.GetProperty("details").GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Equal(["scope", "window", "limit_usd", "limit_usd", "thresholds", "action"], fields);
        Assert.Contains("exactly one of limit_usd and limit_tokens", body.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty((await host.GetDataAsync("/api/v1/budgets")).EnumerateArray());
        Assert.Empty((await host.GetDataAsync("/api/v1/audit?action=budget")).EnumerateArray());
    }

    [Fact]
    public async Task PutGetDelete_ApiBudget_DefaultsThresholdsAuditsEachChange()
    {
        await using var host = await BudgetHost.StartAsync(new JsonObject());

        var (created, first) = await host.SendAsync(HttpMethod.Put, "/api/v1/budgets/alpha.week", new { scope = "project:alpha", window = "weekly", limit_usd = 25.5m });
        var (changed, second) = await host.SendAsync(HttpMethod.Put, "/api/v1/budgets/alpha.week",
            new { scope = "project:alpha", window = "weekly", limit_tokens = 5000, thresholds = new[] { 80 }, action = "block_new" });
        var listed = await host.GetDataAsync("/api/v1/budgets");
        var (deleted, _) = await host.SendAsync(HttpMethod.Delete, "/api/v1/budgets/alpha.week");
        var (gone, _) = await host.GetAsync("/api/v1/budgets/alpha.week");
        var (deletedAgain, _) = await host.SendAsync(HttpMethod.Delete, "/api/v1/budgets/alpha.week");

        Assert.Equal((201, 200, 200, 404, 404), (created, changed, deleted, gone, deletedAgain));
        var data = first.GetProperty("data");
        Assert.Equal(("api", 25.5m, "ok", 0m), (data.GetProperty("source").GetString(), data.GetProperty("limit_usd").GetDecimal(),
            data.GetProperty("state").GetString(), data.GetProperty("percent").GetDecimal()));
        Assert.Equal([50, 75, 90, 100], data.GetProperty("thresholds").EnumerateArray().Select(t => t.GetInt32()));
        Assert.Equal([80, 100], second.GetProperty("data").GetProperty("thresholds").EnumerateArray().Select(t => t.GetInt32()));
        var only = Assert.Single(listed.EnumerateArray());
        Assert.Equal((5000L, JsonValueKind.Null), (only.GetProperty("limit_tokens").GetInt64(), only.GetProperty("limit_usd").ValueKind));
        var audit = (await host.GetDataAsync("/api/v1/audit?action=budget")).EnumerateArray().Select(a => a.GetProperty("action").GetString()).ToList();
        Assert.Equal(["budget.delete", "budget.set", "budget.set"], audit);
    }

    [Fact]
    public async Task ConfigBudget_ChangedThroughApi_OverwrittenAtNextStartApiBudgetKept()
    {
        using var temp = new TempDirectory("hal-budgets");
        var cost = new JsonObject { ["budgets"] = new JsonArray(BudgetHost.Budget("cfg", "global", "alert", limitUsd: 10m)) };
        await using (var host = await SupervisorHost.StartAsync(c => c["cost"] = cost.DeepClone(), temp))
        {
            await host.SendAsync(HttpMethod.Put, "/api/v1/budgets/cfg", new { limit_usd = 99m });
            await host.SendAsync(HttpMethod.Put, "/api/v1/budgets/mine", new { limit_usd = 5m, action = "block_new" });
            Assert.Equal(99m, (await host.GetDataAsync("/api/v1/budgets/cfg")).GetProperty("limit_usd").GetDecimal());
        }
        await using var again = await SupervisorHost.StartAsync(c => c["cost"] = cost.DeepClone(), temp);

        var cfg = await again.GetDataAsync("/api/v1/budgets/cfg");
        var mine = await again.GetDataAsync("/api/v1/budgets/mine");
        Assert.Equal((10m, "config"), (cfg.GetProperty("limit_usd").GetDecimal(), cfg.GetProperty("source").GetString()));
        Assert.Equal((5m, "api", "block_new"), (mine.GetProperty("limit_usd").GetDecimal(), mine.GetProperty("source").GetString(),
            mine.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task Put_BlockBelowTodaysSpend_AppliesToTheNextStartAtOnce()
    {
        await using var host = await BudgetHost.StartAsync(new JsonObject());
        await using var agent = await TestAgent.ConnectAsync(host, "node-c", [AgentCommands.Session("ses_a", SessionStatuses.Idle, "alpha")]);
        await agent.SendAndWaitAsync(BudgetHost.Usage(1, "ses_a", 1.5m, DateTimeOffset.UtcNow));
        var (liftEarly, early) = await host.SendAsync(HttpMethod.Post, "/api/v1/budgets/none/lift");

        var (status, _) = await host.SendAsync(HttpMethod.Put, "/api/v1/budgets/cap", new { scope = "project:alpha", limit_usd = 1m, action = "block_new" });
        using var refused = await host.Api.PostAsJsonAsync("/api/v1/projects/alpha/start", new { });
        var (liftOk, lifted) = await host.SendAsync(HttpMethod.Post, "/api/v1/budgets/cap/lift");
        var (liftAgain, again) = await host.SendAsync(HttpMethod.Post, "/api/v1/budgets/cap/lift");

        Assert.Equal((404, 201, 409, 200, 409), (liftEarly, status, (int)refused.StatusCode, liftOk, liftAgain));
        Assert.Equal("not_found", early.GetProperty("code").GetString());
        var refusal = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("budget 'cap' (project:alpha) reached: $1.50 of $1.00", refusal.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(("lifted", "api:admin"), (lifted.GetProperty("data").GetProperty("state").GetString(),
            lifted.GetProperty("data").GetProperty("lifted_by").GetString()));
        Assert.Contains("is lifted", again.GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
