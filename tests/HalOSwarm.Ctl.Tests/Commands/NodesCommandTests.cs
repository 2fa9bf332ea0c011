using System.Net;
using System.Text.Json.Nodes;
using HalOSwarm.Ctl.Tests.Support;

namespace HalOSwarm.Ctl.Tests.Commands;

public sealed class NodesCommandTests
{
    private static JsonObject Node() => new()
    {
        ["node_id"] = "node-1",
        ["hostname"] = "box1",
        ["status"] = "online",
        ["agent_version"] = "0.1.0",
        ["projects"] = new JsonArray(new JsonObject { ["name"] = "demo", ["directory"] = "/src/demo" }),
        ["runtimes"] = new JsonArray("opencode"),
        ["resources"] = new JsonObject
        {
            ["cpu_percent"] = 12.5, ["mem_used_bytes"] = 2L << 30, ["mem_total_bytes"] = 8L << 30,
            ["disk_used_bytes"] = 10L << 30, ["disk_total_bytes"] = 100L << 30,
        },
        ["first_seen_at"] = "2025-06-01T10:00:00Z",
        ["connected_at"] = "2025-06-01T11:00:00Z",
        ["last_heartbeat_at"] = "2025-06-01T11:59:50Z",
        ["durable_seq"] = 42,
        ["session_count"] = 3,
    };

    [Fact]
    public async Task List_TableFormat_ShowsNodeRow()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(new JsonArray(Node()))));

        var run = await CliRun.RunAsync(["nodes", "list"], () => stub);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("node-1", run.Out);
        Assert.Contains("box1", run.Out);
        Assert.Contains("online", run.Out);
        Assert.Contains("demo", run.Out);
        Assert.Contains("10s ago", run.Out);
    }

    [Fact]
    public async Task Get_TableFormat_ListsFieldsAndProjects()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(Node())));

        var run = await CliRun.RunAsync(["nodes", "get", "node-1"], () => stub);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("/api/v1/nodes/node-1", stub.Requests[0].RequestUri!.AbsolutePath);
        Assert.Contains("/src/demo", run.Out);
        Assert.Contains("opencode", run.Out);
        Assert.Contains("2.0 GiB / 8.0 GiB", run.Out);
    }

    [Fact]
    public async Task SessionsGet_TableFormat_ListsTokensAndCost()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(ApiJson.Session("ses_1"))));

        var run = await CliRun.RunAsync(["sessions", "get", "ses_1"], () => stub);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("12345 in / 678 out", run.Out);
        Assert.Contains("$0.4213", run.Out);
        Assert.Contains("3m ago", run.Out);
    }
}
