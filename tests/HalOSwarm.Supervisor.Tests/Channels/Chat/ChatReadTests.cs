using System.Text.Json.Nodes;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Channels.Chat;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Channels.Chat;

/// <summary><c>/nodes</c>, <c>/approvals</c>, <c>/budget</c>, and the bounds every reply keeps.</summary>
public sealed class ChatReadTests
{
    [Fact]
    public async Task NodesApprovalsBudget_WhatTheSupervisorHolds_ShownAsTables()
    {
        await using var chat = await ChatHost.StartAsync(c => c["cost"] = new JsonObject
        {
            ["budgets"] = new JsonArray { new JsonObject { ["name"] = "fleet-day", ["scope"] = "global", ["window"] = "daily", ["limit_usd"] = 200, ["action"] = "alert" } },
        });
        await chat.Agent.SendEventsAsync(Ev.Make(1, EventTypes.PermissionAsked, "ses_1",
            """{"permission_id":"per_1","permission":"bash","tool":"bash","patterns":["rm -rf build"],"reason":"clean"}"""));
        await SupervisorHost.WaitUntilAsync(async () => !(await chat.RunAsync(ChatHost.Victor, "approvals")).Text.StartsWith("No ", StringComparison.Ordinal),
            "the request to be listed");

        var nodes = await chat.RunAsync(ChatHost.Victor, "nodes");
        var approvals = await chat.RunAsync(ChatHost.Victor, "approvals");
        var budgets = await chat.RunAsync(ChatHost.Victor, "budget");
        var one = await chat.RunAsync(ChatHost.Victor, "budget", "fleet-day");
        var unknown = await chat.RunAsync(ChatHost.Victor, "budget", "nope");

        Assert.Equal("1 of 1 nodes online.", nodes.Text);
        Assert.Contains(nodes.Preformatted!.Split('\n'), l => l.StartsWith("node-chat", StringComparison.Ordinal) && l.Contains("online", StringComparison.Ordinal));
        Assert.StartsWith("1 permission requests are waiting.", approvals.Text, StringComparison.Ordinal);
        Assert.Contains(approvals.Preformatted!.Split('\n'), l => l.StartsWith("apr", StringComparison.Ordinal) && l.Contains("ses_1", StringComparison.Ordinal) && l.Contains("rm -rf build", StringComparison.Ordinal));
        Assert.Contains(budgets.Preformatted!.Split('\n'), l => l.StartsWith("fleet-day", StringComparison.Ordinal) && l.Contains("$200.00", StringComparison.Ordinal));
        Assert.Contains(new("Limit", "$200.00"), one.Fields!);
        Assert.Contains(new("Scope", "global"), one.Fields!);
        Assert.Equal("No budget 'nope'. Budgets: fleet-day.", unknown.Text);
    }

    [Fact]
    public void Table_MoreRowsThanFit_TwentyRowsAndSaysHowManyMore()
    {
        var rows = Enumerable.Range(1, 30).Select(i => new[] { $"ses_{i}", new string('x', 60) }).ToList();

        var table = ChatText.Table(["session", "what"], rows, more: 5);

        var lines = table.Split('\n');
        Assert.Equal(22, lines.Length);
        Assert.Equal("… 15 more", lines[^1]);
        Assert.True(table.Length <= ChatLimits.MaxPreformattedChars);
        Assert.EndsWith(new string('x', 39) + "…", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Tail_LongLog_KeepsTheNewestWithinTheBound()
    {
        var lines = Enumerable.Range(1, 50).Select(i => $"{i:00} " + new string('y', 300)).ToList();

        var tail = ChatText.Tail(lines);

        Assert.True(tail.Length <= ChatLimits.MaxPreformattedChars);
        Assert.StartsWith("… 42 earlier lines left out\n43 ", tail, StringComparison.Ordinal);
        Assert.StartsWith("50 ", tail.Split('\n')[^1], StringComparison.Ordinal);
    }
}
