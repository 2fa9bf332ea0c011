using System.Net;
using System.Text.Json.Nodes;
using HalOSwarm.Ctl.Tests.Support;

namespace HalOSwarm.Ctl.Tests.Commands;

public sealed class EnvCommandTests
{
    private static JsonObject Item(string id, string expected, string actual, string verdict, string? fix = null, string? detail = null) => new()
    {
        ["id"] = id, ["kind"] = id.Split(':')[0], ["expected"] = expected, ["actual"] = actual, ["verdict"] = verdict, ["fix"] = fix, ["detail"] = detail,
    };

    private static JsonObject Node(string nodeId, string verdict, params JsonObject[] items) => new()
    {
        ["node_id"] = nodeId, ["node_online"] = true, ["verdict"] = verdict, ["checked_at"] = "2025-06-01T11:58:00Z",
        ["checked_by"] = "policy:environments", ["items"] = new JsonArray(items),
    };

    [Fact]
    public async Task Status_Project_TablePerNodeWithVerdict()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(new JsonArray(
            Node("build-1", "missing", Item("file:AGENT.md", "present", "absent", "missing", "safe"), Item("env:API_KEY", "set", "set", "ready"))))));

        var run = await CliRun.RunAsync(["env", "status", "webapp", "--node", "build-1"], () => stub);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("/api/v1/env/webapp?node_id=build-1", stub.Requests[0].RequestUri!.PathAndQuery);
        foreach (var text in new[] { "webapp on build-1: missing", "ITEM", "EXPECTED", "ACTUAL", "VERDICT", "file:AGENT.md", "absent", "env:API_KEY", "ready" })
        {
            Assert.Contains(text, run.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Status_NoProject_EveryProjectAndNode()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(new JsonArray(new JsonObject
        {
            ["project"] = "webapp", ["node_id"] = "build-1", ["node_online"] = false, ["verdict"] = "degraded", ["checked_at"] = "2025-06-01T11:58:00Z", ["failing"] = 2,
        }))));

        var run = await CliRun.RunAsync(["env", "status"], () => stub);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("/api/v1/env", stub.Requests[0].RequestUri!.PathAndQuery);
        foreach (var text in new[] { "PROJECT", "webapp", "build-1 (offline)", "degraded", "2" })
        {
            Assert.Contains(text, run.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Check_Node_PostsNodeAndShowsReport()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(new JsonArray(
            Node("build-1", "ready", Item("dir:.context", "present", "present", "ready"))))));

        var run = await CliRun.RunAsync(["env", "check", "webapp", "--node", "build-1"], () => stub);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(HttpMethod.Post, stub.Requests[0].Method);
        Assert.Equal("/api/v1/env/webapp/check", stub.Requests[0].RequestUri!.PathAndQuery);
        Assert.Equal("""{"node_id":"build-1"}""", stub.Bodies[0]);
        Assert.Contains("webapp on build-1: ready", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgentsMdDiff_Changed_SaysSoAndPrintsDiff()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(new JsonObject
        {
            ["project"] = "webapp", ["node_id"] = "build-1", ["path"] = "AGENT.md", ["state"] = "changed", ["checked_at"] = "2025-06-01T11:58:00Z",
            ["diff"] = "--- a/AGENT.md\n+++ b/AGENT.md\n@@ -1,1 +1,1 @@\n-by hand\n+# webapp\n",
        })));

        var run = await CliRun.RunAsync(["env", "agents-md", "diff", "webapp", "--node", "build-1"], () => stub);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("/api/v1/env/webapp/agents-md/diff?node_id=build-1", stub.Requests[0].RequestUri!.PathAndQuery);
        Assert.Contains("AGENT.md on build-1 differs from its template", run.Out, StringComparison.Ordinal);
        Assert.Contains("-by hand\n+# webapp\n", run.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgentsMdDiff_NoNode_UsageError()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, "{}"));

        var run = await CliRun.RunAsync(["env", "agents-md", "diff", "webapp"], () => stub);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Empty(stub.Requests);
    }
}
