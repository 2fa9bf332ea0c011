using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Governance;
using HalOSwarm.Supervisor.Tests.Commands;
using HalOSwarm.Supervisor.Tests.Cost.Budgets;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Governance;

/// <summary>The charter's session and prompt limits and the longest session, against the composed supervisor.</summary>
public sealed class CharterLimitTests
{
    [Fact]
    public async Task Start_NodeAtItsSessionLimit_RefusedWithTheRuleAndCountAuditedAndRecorded()
    {
        await using var host = await CharterHost.StartAsync(new JsonObject
        {
            ["default"] = new JsonObject { ["max_sessions_per_node"] = 5 },
            ["projects"] = new JsonObject { ["alpha"] = new JsonObject { ["max_sessions_per_node"] = 2 } },
        });
        await using var agent = await TestAgent.ConnectAsync(host, "node-1",
            [AgentCommands.Session("ses_a", SessionStatuses.Running), AgentCommands.Session("ses_b", SessionStatuses.Idle, "beta"),
                AgentCommands.Session("ses_done", SessionStatuses.Completed)],
            BudgetHost.Projects("alpha", "beta"));

        var (status, body) = await host.PostAsync("/api/v1/projects/alpha/start", new { prompt = "one more" });

        Assert.Equal(409, status);
        Assert.Equal("charter_limit", body.GetProperty("code").GetString());
        Assert.Equal("charter.projects.alpha.max_sessions_per_node: node-1 already runs 2 active sessions of 2", body.GetProperty("error").GetString());
        var violation = Assert.Single(await host.EventsAsync("charter.violation"));
        Assert.Equal(("charter.projects.alpha.max_sessions_per_node", "sessions_per_node", "node-1", "alpha", "start"),
            (violation.GetProperty("rule").GetString(), violation.GetProperty("kind").GetString(), violation.GetProperty("node_id").GetString(),
                violation.GetProperty("project").GetString(), violation.GetProperty("command_type").GetString()));
        var audit = Assert.Single((await host.GetDataAsync("/api/v1/audit?action=command.start")).EnumerateArray());
        Assert.Equal("rejected", audit.GetProperty("result").GetString());
        Assert.StartsWith("charter.projects.alpha.max_sessions_per_node:", audit.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty((await host.GetDataAsync("/api/v1/commands")).EnumerateArray());
    }

    [Fact]
    public async Task Start_ProjectAtItsLimitOtherProjectUnder_OnlyTheFullProjectRefused()
    {
        await using var host = await CharterHost.StartAsync(new JsonObject { ["default"] = new JsonObject { ["max_sessions_per_project"] = 1 } });
        await using var agent = await TestAgent.ConnectAsync(host, "node-1", [AgentCommands.Session("ses_a", SessionStatuses.Idle)],
            BudgetHost.Projects("alpha", "beta"));

        var (refusedStatus, refused) = await host.PostAsync("/api/v1/projects/alpha/start", new { prompt = "go" });
        var other = host.Api.PostAsJsonAsync("/api/v1/projects/beta/start", new { prompt = "go" });
        var start = await agent.ReceiveCommandAsync();
        await agent.ReplyAsync(start, """{"session_id":"ses_new"}""");
        using var started = await other;

        Assert.Equal((409, "charter.default.max_sessions_per_project: project alpha already runs 1 active sessions of 1"),
            (refusedStatus, refused.GetProperty("error").GetString()));
        Assert.Equal(("beta", 200), (start.Project, (int)started.StatusCode));
    }

    [Fact]
    public async Task Prompt_SessionAtItsHourlyLimit_RefusedAfterTheAllowedOnes()
    {
        await using var host = await CharterHost.StartAsync(new JsonObject { ["default"] = new JsonObject { ["max_prompts_per_hour"] = 2 } });
        await using var agent = await TestAgent.ConnectAsync(host, "node-1", [AgentCommands.Session("ses_a", SessionStatuses.Idle)]);

        for (var i = 0; i < 2; i++)
        {
            var sent = host.PostAsync("/api/v1/sessions/ses_a/prompt", new { text = $"prompt {i}" });
            await agent.ReplyAsync(await agent.ReceiveCommandAsync());
            Assert.Equal(200, (await sent).Status);
        }
        var (status, body) = await host.PostAsync("/api/v1/sessions/ses_a/prompt", new { text = "one too many" });

        Assert.Equal((409, "charter_limit"), (status, body.GetProperty("code").GetString()));
        Assert.Equal("charter.default.max_prompts_per_hour: session ses_a already took 2 prompts in the last hour of 2", body.GetProperty("error").GetString());
        var violation = Assert.Single(await host.EventsAsync("charter.violation", "ses_a"));
        Assert.Equal("prompts_per_hour", violation.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task LongestSession_OlderThanTheLimit_KilledByTheCharterYoungOneLeft()
    {
        await using var host = await CharterHost.StartAsync(new JsonObject
        {
            ["check_interval_sec"] = 1,
            ["projects"] = new JsonObject { ["alpha"] = new JsonObject { ["max_session_minutes"] = 60 } },
        });
        var young = AgentCommands.Session("ses_young", SessionStatuses.Running) with { StartedAt = DateTimeOffset.UtcNow };
        await using var agent = await TestAgent.ConnectAsync(host, "node-1", [AgentCommands.Session("ses_old", SessionStatuses.Running), young]);

        var kill = await agent.ReceiveCommandAsync();
        await agent.ReplyAsync(kill);

        Assert.Equal((CommandTypes.Kill, "ses_old"), (kill.Type, kill.SessionId));
        var command = await host.WaitForStateAsync(kill.CommandId, "succeeded");
        Assert.Equal("charter", command.GetProperty("actor").GetString());
        var violation = Assert.Single(await host.WaitForEventsAsync("charter.violation", 1));
        Assert.Equal(("charter.projects.alpha.max_session_minutes", "session_minutes", "ses_old"),
            (violation.GetProperty("rule").GetString(), violation.GetProperty("kind").GetString(), violation.GetProperty("session_id").GetString()));
        // A check now finds nothing more to do: the old one was handled, the young one is within its hour.
        Assert.Equal(0, await host.Service<CharterSessionTimer>().CheckAsync(CancellationToken.None));
        Assert.Contains(((await host.GetDataAsync("/api/v1/audit?actor=charter")).EnumerateArray()),
            a => a.GetProperty("action").GetString() == "command.kill" && a.GetProperty("target").GetString() == "ses_old");
    }

    [Fact]
    public async Task CharterApi_AllAndOneProject_LimitsAndRulesWithTheirKeys()
    {
        await using var host = await CharterHost.StartAsync(new JsonObject
        {
            ["default"] = new JsonObject { ["max_sessions_per_node"] = 4, ["tools"] = new JsonArray(CharterHost.Rule("bash", "rm -rf *", "deny")) },
            ["projects"] = new JsonObject { ["demo"] = new JsonObject { ["max_sessions_per_node"] = 2, ["tools"] = new JsonArray(CharterHost.Rule("bash", "git push*", "ask")) } },
        });

        var all = await host.GetDataAsync("/api/v1/charter");
        var other = Assert.Single((await host.GetDataAsync("/api/v1/charter?project=other")).EnumerateArray());
        var (badStatus, bad) = await host.GetAsync("/api/v1/charter?project=a%2Fb");

        Assert.Equal([null, "demo"], all.EnumerateArray().Select(c => c.GetProperty("project").GetString()));
        var demo = all[1];
        Assert.Equal(("max_sessions_per_node", 2, "charter.projects.demo.max_sessions_per_node"),
            (demo.GetProperty("limits")[0].GetProperty("name").GetString(), demo.GetProperty("limits")[0].GetProperty("value").GetInt32(),
                demo.GetProperty("limits")[0].GetProperty("key").GetString()));
        Assert.Equal(["charter.projects.demo.tools[0]", "charter.default.tools[0]"],
            demo.GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("key").GetString()));
        Assert.Equal(("other", "charter.default.max_sessions_per_node", "deny"),
            (other.GetProperty("project").GetString(), other.GetProperty("limits")[0].GetProperty("key").GetString(),
                other.GetProperty("tools")[0].GetProperty("action").GetString()));
        Assert.Equal(400, badStatus);
        Assert.Contains("project", bad.GetRawText(), StringComparison.Ordinal);
    }
}
