using System.Text.Json.Nodes;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Cost.Budgets;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Commands;

/// <summary>Which node a <c>start</c> without a node goes to (<c>placement</c>), against the composed supervisor.</summary>
public sealed class PlacementTests
{
    [Fact]
    public async Task LeastLoaded_TheDefault_FewestLiveSessionsFirst()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var a = await TestAgent.ConnectAsync(host, "node-a", [AgentCommands.Session("ses_a1", SessionStatuses.Running)]);
        await using var b = await TestAgent.ConnectAsync(host, "node-b");

        Assert.Equal("node-b", await StartAndSeeWhereAsync(host, a, b));
    }

    [Fact]
    public async Task RoundRobin_EachStartGoesToTheNextNode_WrappingAround()
    {
        await using var host = await SupervisorHost.StartAsync(Placement(new JsonObject { ["strategy"] = "round_robin" }));
        // node-a is the busiest: least_loaded would never pick it first
        await using var a = await TestAgent.ConnectAsync(host, "node-a", [AgentCommands.Session("ses_a1", SessionStatuses.Running)]);
        await using var b = await TestAgent.ConnectAsync(host, "node-b");
        await using var c = await TestAgent.ConnectAsync(host, "node-c");

        var order = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            order.Add(await StartAndSeeWhereAsync(host, a, b, c));
        }

        Assert.Equal(["node-a", "node-b", "node-c", "node-a"], order);
    }

    [Fact]
    public async Task MostQuotaLeft_TheNodeWhoseLoginHasSpentLeast_EvenWhenBusier()
    {
        await using var host = await SupervisorHost.StartAsync(config =>
        {
            config["placement"] = new JsonObject { ["strategy"] = "most_quota_left" };
            config["cost"] = new JsonObject
            {
                ["accounts"] = new JsonArray(
                    new JsonObject { ["name"] = "login-a", ["kind"] = "api", ["provider"] = "anthropic", ["nodes"] = new JsonArray("node-a") },
                    new JsonObject { ["name"] = "login-b", ["kind"] = "api", ["provider"] = "anthropic", ["nodes"] = new JsonArray("node-b") }),
                ["budgets"] = new JsonArray(
                    BudgetHost.Budget("a-day", "account:login-a", "alert", limitUsd: 10m),
                    BudgetHost.Budget("b-day", "account:login-b", "alert", limitUsd: 10m)),
            };
        });
        await using var a = await TestAgent.ConnectAsync(host, "node-a", [AgentCommands.Session("ses_a1", SessionStatuses.Running)]);
        await using var b = await TestAgent.ConnectAsync(host, "node-b",
            [AgentCommands.Session("ses_b1", SessionStatuses.Running), AgentCommands.Session("ses_b2", SessionStatuses.Running)]);
        await a.SendAndWaitAsync(BudgetHost.Usage(1, "ses_a1", 8m, DateTimeOffset.UtcNow));
        await b.SendAndWaitAsync(BudgetHost.Usage(1, "ses_b1", 2m, DateTimeOffset.UtcNow));
        Assert.Equal(8m, (await host.GetDataAsync("/api/v1/budgets/a-day")).GetProperty("spend_usd").GetDecimal());
        Assert.Equal(2m, (await host.GetDataAsync("/api/v1/budgets/b-day")).GetProperty("spend_usd").GetDecimal());

        Assert.Equal("node-b", await StartAndSeeWhereAsync(host, a, b));
    }

    [Fact]
    public async Task Pinned_PinOrderFirst_ANodeAtItsLimitSkipped_AllAtTheirLimit409AtCapacity()
    {
        await using var host = await SupervisorHost.StartAsync(Placement(new JsonObject
        {
            ["strategy"] = "pinned",
            ["pins"] = new JsonObject { ["alpha"] = new JsonArray("node-c", "node-a") },
            ["node_limits"] = new JsonObject { ["node-c"] = 1, ["node-a"] = 1 },
        }));
        await using var a = await TestAgent.ConnectAsync(host, "node-a");
        await using var b = await TestAgent.ConnectAsync(host, "node-b");
        await using var c = await TestAgent.ConnectAsync(host, "node-c");

        Assert.Equal("node-c", await StartAndSeeWhereAsync(host, a, b, c));
        await c.SendAndWaitAsync(Ev.Make(1, EventTypes.SessionCreated, "ses_c1", """{"project":"alpha"}"""));
        Assert.Equal("node-a", await StartAndSeeWhereAsync(host, a, b, c));
        await a.SendAndWaitAsync(Ev.Make(1, EventTypes.SessionCreated, "ses_a1", """{"project":"alpha"}"""));

        var (status, body) = await host.PostAsync("/api/v1/projects/alpha/start", new { prompt = "one more" });
        Assert.Equal(409, status);
        Assert.Equal("at_capacity", body.GetProperty("code").GetString());
        Assert.Equal("every online node hosting project 'alpha' is at its limit (placement.node_limits): node-a runs 1 of 1, node-c runs 1 of 1",
            body.GetProperty("error").GetString());
        var named = await host.PostAsync("/api/v1/commands", new { type = "start", project = "alpha", node_id = "node-c", args = new { prompt = "x" } });
        Assert.Equal(409, named.Status);
        Assert.Equal("node node-c is at its limit (placement.node_limits): it runs 1 of 1", named.Body.GetProperty("error").GetString());
        Assert.Null(await b.TryReceiveCommandAsync(300));
    }

    [Fact]
    public async Task CharterLimitReachedOnOneNode_PlacedOnTheOther()
    {
        await using var host = await SupervisorHost.StartAsync(config =>
        {
            config["placement"] = new JsonObject { ["strategy"] = "round_robin" };
            config["charter"] = new JsonObject { ["default"] = new JsonObject { ["max_sessions_per_node"] = 1 } };
        });
        // round robin would pick node-a first; its one session already fills the charter's limit
        await using var a = await TestAgent.ConnectAsync(host, "node-a", [AgentCommands.Session("ses_a1", SessionStatuses.Running)]);
        await using var b = await TestAgent.ConnectAsync(host, "node-b");

        Assert.Equal("node-b", await StartAndSeeWhereAsync(host, a, b));
    }

    [Fact]
    public async Task BadPlacementConfig_EveryProblemWithItsKey()
    {
        var ex = await Assert.ThrowsAsync<HalOSwarm.Supervisor.Configuration.ConfigurationProblemsException>(() => SupervisorHost.StartAsync(Placement(new JsonObject
        {
            ["strategy"] = "fastest",
            ["node_limits"] = new JsonObject { ["Node A"] = 0 },
            ["pins"] = new JsonObject { ["alpha"] = new JsonArray() },
        })));

        Assert.Contains("placement.strategy: 'fastest' is not one of least_loaded, round_robin, most_quota_left, pinned", ex.Problems);
        Assert.Contains("placement.node_limits: 'Node A' is not a node id", ex.Problems);
        Assert.Contains(ex.Problems, p => p.StartsWith("placement.node_limits.Node A:", StringComparison.Ordinal));
        Assert.Contains("placement.pins.alpha: name at least one node", ex.Problems);
    }

    private static Action<JsonObject> Placement(JsonObject placement) => config => config["placement"] = placement;

    /// <summary>Posts a start of project alpha without a node; the node that receives it answers; returns that node.</summary>
    private static async Task<string> StartAndSeeWhereAsync(SupervisorHost host, params TestAgent[] agents)
    {
        var post = host.PostAsync("/api/v1/projects/alpha/start", new { prompt = "go" });
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var agent in agents)
            {
                if (await agent.TryReceiveCommandAsync(50) is { } command)
                {
                    Assert.Equal(CommandTypes.Start, command.Type);
                    await agent.ReplyAsync(command, $$"""{"session_id":"ses_{{Guid.NewGuid():N}}"}""");
                    var (status, body) = await post;
                    Assert.True(status == 200, body.GetRawText());
                    return agent.NodeId;
                }
            }
            if (post.IsCompleted)
            {
                var (status, body) = await post;
                Assert.Fail($"the start ended without reaching a node: {status} {body.GetRawText()}");
            }
        }
        throw new TimeoutException("no agent received the start");
    }
}
