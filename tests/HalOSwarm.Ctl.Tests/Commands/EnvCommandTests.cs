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

    private static JsonObject Proposal(string id, string project, string item = "tool:haltool", string state = "pending") => new()
    {
        ["id"] = id,
        ["node_id"] = "node-1",
        ["project"] = project,
        ["item_id"] = item,
        ["command"] = "sh ./install.sh",
        ["state"] = state,
        ["proposed_at"] = "2025-06-01T11:00:00Z",
        ["proposed_by"] = "env:auto_provision",
    };

    [Fact]
    public async Task Approve_ToolName_FindsThePendingProposalAndApprovesItById()
    {
        var stub = new StubHandler(request => request.Method == HttpMethod.Get
            ? StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(new JsonArray(Proposal("envp_00000000000000a1", "alpha"), Proposal("envp_00000000000000a2", "alpha", "tool:other"))))
            : StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(new JsonObject
            {
                ["proposal"] = Proposal("envp_00000000000000a1", "alpha", state: "applied"),
                ["item_verdict"] = "ready",
                ["verdict"] = "ready",
            })));

        var run = await CliRun.RunAsync(["env", "approve", "node-1", "haltool"], () => stub);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("?state=pending&node_id=node-1&limit=500", stub.Requests[0].RequestUri!.Query);
        Assert.Equal("/api/v1/env/proposals/envp_00000000000000a1/approve", stub.Requests[1].RequestUri!.AbsolutePath);
        Assert.Contains("check after: tool:haltool ready, project ready", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_PendingInTwoProjects_AsksForTheProjectAndDecidesNothing()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK,
            ApiJson.Envelope(new JsonArray(Proposal("envp_00000000000000a1", "alpha"), Proposal("envp_00000000000000b2", "beta")))));

        var run = await CliRun.RunAsync(["env", "reject", "node-1", "tool:haltool"], () => stub);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("in several projects (alpha, beta): give --project", run.Error, StringComparison.Ordinal);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Provision_DryRun_SendsDryRunAndPrintsWhatWouldBeDone()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(new JsonArray(new JsonObject
        {
            ["node_id"] = "node-1",
            ["project"] = "alpha",
            ["dry_run"] = true,
            ["verdict_before"] = "missing",
            ["applied"] = new JsonArray(new JsonObject { ["id"] = "file:AGENT.md", ["outcome"] = "would_apply", ["detail"] = "write AGENT.md (12 bytes)" }),
            ["proposals"] = new JsonArray(Proposal("", "alpha", state: "would_propose")),
        }))));

        var run = await CliRun.RunAsync(["env", "provision", "alpha", "--dry-run", "--node", "node-1"], () => stub);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("""{"node_id":"node-1","dry_run":true}""", stub.Bodies[0]);
        Assert.Contains("node-1  alpha  missing  (dry run: nothing changed)", run.Out, StringComparison.Ordinal);
        Assert.Contains("would_apply  file:AGENT.md  write AGENT.md (12 bytes)", run.Out, StringComparison.Ordinal);
        Assert.Contains("would_propose tool:haltool  install: sh ./install.sh", run.Out, StringComparison.Ordinal);
    }
}
