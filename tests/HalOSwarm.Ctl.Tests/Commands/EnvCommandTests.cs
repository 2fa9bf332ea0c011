using System.Net;
using System.Text.Json.Nodes;
using HalOSwarm.Ctl.Tests.Support;

namespace HalOSwarm.Ctl.Tests.Commands;

public sealed class EnvCommandTests
{
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
