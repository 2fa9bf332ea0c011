using System.Text.Json.Nodes;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Cost.Budgets;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Governance;

/// <summary>Charter tool rules on permission requests, before <c>approvals.rules</c>, against the composed supervisor.</summary>
public sealed class CharterToolRuleTests
{
    private static string Asked(string id, string command) =>
        $$"""{"permission_id":"{{id}}","permission":"bash","tool":"bash","patterns":["git status","{{command}}"],"reason":"tidy up"}""";

    private static JsonObject Charter() => new()
    {
        ["default"] = new JsonObject { ["tools"] = new JsonArray(CharterHost.Rule("bash", "rm -rf *", "deny")) },
        ["projects"] = new JsonObject { ["alpha"] = new JsonObject { ["tools"] = new JsonArray(CharterHost.Rule("bash", "git push*", "ask")) } },
    };

    // An approvals rule that would let everything through: the charter comes first.
    private static JsonObject AllowAll() => new()
    {
        ["rules"] = new JsonArray(new JsonObject { ["project"] = "*", ["pattern"] = "*", ["reply"] = "once" }),
    };

    [Fact]
    public async Task PermissionAsked_CompoundWithADeniedPart_RejectedNamingTheRuleAuditedAndRecorded()
    {
        await using var host = await CharterHost.StartAsync(Charter(), AllowAll());
        await using var agent = await TestAgent.ConnectAsync(host, "node-1", [AgentCommands.Session("ses_a", SessionStatuses.Running)]);

        await agent.SendAndWaitAsync(Ev.Make(1, EventTypes.PermissionAsked, "ses_a", Asked("per_1", "rm -rf build")));
        var reply = await agent.ReceiveCommandAsync();
        await agent.ReplyAsync(reply);

        Assert.Equal((CommandTypes.PermissionReply, "per_1", "reject"),
            (reply.Type, reply.Args.GetProperty("permission_id").GetString(), reply.Args.GetProperty("reply").GetString()));
        var approval = Assert.Single((await host.GetDataAsync("/api/v1/approvals?session_id=ses_a")).EnumerateArray());
        Assert.Equal(("auto_reject", "charter.default.tools[0]", "charter"),
            (approval.GetProperty("state").GetString(), approval.GetProperty("rule").GetString(), approval.GetProperty("answered_by").GetString()));
        var violation = Assert.Single(await host.WaitForEventsAsync("charter.violation", 1));
        Assert.Equal(("charter.default.tools[0]", "tool_denied", approval.GetProperty("approval_id").GetString()),
            (violation.GetProperty("rule").GetString(), violation.GetProperty("kind").GetString(), violation.GetProperty("approval_id").GetString()));
        await SupervisorHost.WaitUntilAsync(async () => (await host.GetDataAsync("/api/v1/audit?action=approval.auto")).GetArrayLength() == 1, "the audit entry");
        var audit = (await host.GetDataAsync("/api/v1/audit?action=approval.auto"))[0];
        Assert.Equal(("charter", "charter.default.tools[0]"), (audit.GetProperty("actor").GetString(), audit.GetProperty("args").GetProperty("rule").GetString()));
    }

    [Fact]
    public async Task PermissionAsked_AskRuleThoughApprovalsWouldAllow_LeftPendingForAPerson()
    {
        await using var host = await CharterHost.StartAsync(Charter(), AllowAll());
        await using var agent = await TestAgent.ConnectAsync(host, "node-1", [AgentCommands.Session("ses_a", SessionStatuses.Running)]);

        await agent.SendAndWaitAsync(Ev.Make(1, EventTypes.PermissionAsked, "ses_a", Asked("per_1", "git push origin main")));
        var needs = Assert.Single(await host.WaitForEventsAsync("session.needs_input", 1));

        Assert.Contains("charter.projects.alpha.tools[0]", needs.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var approval = Assert.Single((await host.GetDataAsync("/api/v1/approvals?session_id=ses_a")).EnumerateArray());
        Assert.Equal("pending", approval.GetProperty("state").GetString());
        Assert.Empty(await host.EventsAsync("charter.violation"));
    }

    [Fact]
    public async Task PermissionAsked_NoCharterRuleMatches_ApprovalsRulesAnswerAsBefore()
    {
        await using var host = await CharterHost.StartAsync(Charter(), AllowAll());
        await using var agent = await TestAgent.ConnectAsync(host, "node-1", [AgentCommands.Session("ses_a", SessionStatuses.Running)]);

        await agent.SendAndWaitAsync(Ev.Make(1, EventTypes.PermissionAsked, "ses_a", Asked("per_1", "ls")));
        var reply = await agent.ReceiveCommandAsync();
        await agent.ReplyAsync(reply);

        Assert.Equal("once", reply.Args.GetProperty("reply").GetString());
        await SupervisorHost.WaitUntilAsync(async () =>
            (await host.GetDataAsync("/api/v1/approvals?session_id=ses_a"))[0].GetProperty("rule").GetString() == "approvals.rules[0]", "the approvals rule");
    }

    [Fact]
    public async Task CharterViolation_SentByAnAgent_RefusedSoNoAgentCanForgeOne()
    {
        await using var host = await CharterHost.StartAsync(Charter());
        await using var agent = await TestAgent.ConnectAsync(host, "node-1", [AgentCommands.Session("ses_a", SessionStatuses.Running)]);

        await agent.SendAndWaitAsync(Ev.Make(1, EventTypes.CharterViolation, "ses_a", """{"rule":"charter.default.tools[0]","kind":"tool_denied"}"""),
            Ev.Make(2, "x_custom.progress", "ses_a", """{"step":1}"""));

        Assert.Equal(1, (await host.GetDataAsync("/api/v1/nodes/node-1")).GetProperty("rejected_events").GetInt64());
        Assert.Empty(await host.EventsAsync("charter.violation"));
        Assert.Single(await host.EventsAsync("x_custom.progress"));
    }
}
