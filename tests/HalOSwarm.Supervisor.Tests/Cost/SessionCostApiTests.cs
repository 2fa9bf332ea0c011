using System.Text.Json.Nodes;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Cost;

/// <summary><c>GET /api/v1/sessions/{id}/cost</c> against the running supervisor.</summary>
public sealed class SessionCostApiTests
{
    [Fact]
    public async Task SessionCost_UsageOnTwoDaysAndTwoModels_SumsExactlyPerModelAndDay()
    {
        await using var host = await SupervisorHost.StartAsync(config => config["cost"] = new JsonObject
        {
            ["rates"] = new JsonArray(new JsonObject { ["model"] = "gpt-*", ["input_per_mtok"] = 2, ["output_per_mtok"] = 8 }),
            ["accounts"] = new JsonArray(new JsonObject { ["name"] = "chatgpt-pro", ["kind"] = "subscription", ["provider"] = "openai" }),
        });
        await using var agent = await TestAgent.ConnectAsync(host, "node-a");
        var day2 = Ev.T0.AddDays(1);
        await agent.SendEventsAsync(
            Ev.Make(1, EventTypes.SessionCreated, "ses_1", LedgerRows.Created("alpha", "codex")),
            Ev.Make(2, EventTypes.Usage, "ses_1", LedgerRows.Usage("m1", "anthropic", "claude-x", 1000, 100, 0.1m, cacheRead: 5)),
            Ev.Make(3, EventTypes.Usage, "ses_1", LedgerRows.Usage("m2", "anthropic", "claude-x", 1000, 100, 0.2m)) with { Ts = day2 },
            Ev.Make(4, EventTypes.Usage, "ses_1", LedgerRows.Usage("m3", "openai", "gpt-5", 1_000_000, 1000, 0m)) with { Ts = day2 },
            Ev.Make(5, EventTypes.SessionCreated, "ses_other", LedgerRows.Created("alpha", "codex")),
            Ev.Make(6, EventTypes.Usage, "ses_other", LedgerRows.Usage("m4", "anthropic", "claude-x", 1, 1, 9m)));
        await agent.WaitForAckAsync(6);

        var (status, body) = await host.GetAsync("/api/v1/sessions/ses_1/cost");

        Assert.Equal(200, status);
        var data = body.GetProperty("data");
        Assert.Equal(("ses_1", "node-a", "alpha", "codex"), (data.GetProperty("session_id").GetString(), data.GetProperty("node_id").GetString(),
            data.GetProperty("project").GetString(), data.GetProperty("runtime").GetString()));
        var totals = data.GetProperty("totals");
        // 0.1 + 0.2 reported and billed per token; 1M input × 2 + 1000 output × 8 per million priced for a subscription
        // login: 2.008 apart, as the equivalent (not in cost_usd); written exactly
        Assert.Equal("0.3", totals.GetProperty("cost_usd").GetRawText());
        Assert.Equal("2.008", totals.GetProperty("equivalent_usd").GetRawText());
        Assert.Equal((3L, 1L), (totals.GetProperty("messages").GetInt64(), totals.GetProperty("priced_messages").GetInt64()));
        Assert.Equal("""{"input":1002000,"output":1200,"reasoning":0,"cache_read":5,"cache_write":0}""", totals.GetProperty("tokens").GetRawText());
        var models = data.GetProperty("by_model").EnumerateArray()
            .Select(m => (m.GetProperty("provider").GetString(), m.GetProperty("model").GetString(), m.GetProperty("account").GetString(),
                m.GetProperty("equivalent").GetBoolean(), m.GetProperty("cost_usd").GetRawText(), m.GetProperty("equivalent_usd").GetRawText()))
            .ToArray();
        Assert.Equal([("openai", "gpt-5", "chatgpt-pro", true, "0", "2.008"), ("anthropic", "claude-x", "anthropic", false, "0.3", "0")], models);
        var days = data.GetProperty("by_day").EnumerateArray()
            .Select(d => (d.GetProperty("date").GetString(), d.GetProperty("messages").GetInt64(), d.GetProperty("cost_usd").GetRawText(),
                d.GetProperty("equivalent_usd").GetRawText()))
            .ToArray();
        Assert.Equal([("2026-11-25", 1L, "0.1", "0"), ("2026-11-26", 2L, "0.2", "2.008")], days);
    }

    [Fact]
    public async Task SessionCost_SessionWithoutUsage_Zeros()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-a", [AgentCommands.Session("ses_idle")]);

        var data = await host.GetDataAsync("/api/v1/sessions/ses_idle/cost");

        Assert.Equal("0", data.GetProperty("totals").GetProperty("cost_usd").GetRawText());
        Assert.Equal(0, data.GetProperty("by_model").GetArrayLength());
        Assert.Equal(0, data.GetProperty("by_day").GetArrayLength());
    }

    [Fact]
    public async Task SessionCost_UnknownSession_404NotFound()
    {
        await using var host = await SupervisorHost.StartAsync();

        var (status, body) = await host.GetAsync("/api/v1/sessions/ses_nope/cost");

        Assert.Equal(404, status);
        Assert.Equal("not_found", body.GetProperty("code").GetString());
        Assert.Equal("no session 'ses_nope'", body.GetProperty("error").GetString());
    }
}
