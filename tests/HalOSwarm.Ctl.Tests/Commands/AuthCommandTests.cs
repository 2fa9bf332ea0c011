using System.Net;
using System.Text.Json.Nodes;
using HalOSwarm.Ctl.Tests.Support;

namespace HalOSwarm.Ctl.Tests.Commands;

public sealed class AuthCommandTests
{
    private static JsonObject NodeAuth() => new()
    {
        ["node_id"] = "agent-node-1",
        ["node_status"] = "online",
        ["credential_sync"] = "in_sync",
        ["credential_version"] = 1,
        ["credentials"] = new JsonArray(),
        ["tools"] = new JsonArray(
            new JsonObject { ["tool"] = "claude-code", ["status"] = "authenticated", ["method"] = "claude.ai", ["reason"] = "Logged in as user@example.com", ["checked_at"] = "2025-06-01T11:59:00Z" },
            new JsonObject { ["tool"] = "codex", ["status"] = "unauthenticated", ["method"] = null, ["reason"] = "Not logged in", ["checked_at"] = "2025-06-01T11:59:00Z" }),
    };

    [Fact]
    public async Task Status_TableFormat_TheRunbookLayout()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(NodeAuth())));

        var run = await CliRun.RunAsync(["auth", "status", "agent-node-1"], () => stub);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("/api/v1/auth/nodes/agent-node-1", stub.Requests[0].RequestUri!.AbsolutePath);
        Assert.Equal("""
            Node: agent-node-1
            Credential Sync: in_sync
            Credential Version: 1

            Tool            Status              Reason
            ----            ------              ------
            claude-code     authenticated       Logged in as user@example.com
            codex           unauthenticated     Not logged in

            """.ReplaceLineEndings("\n"), run.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Status_Check_PostsTheCheck()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(NodeAuth())));

        var run = await CliRun.RunAsync(["auth", "status", "agent-node-1", "--check"], () => stub);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal((HttpMethod.Post, "/api/v1/auth/nodes/agent-node-1/check"), (stub.Requests[0].Method, stub.Requests[0].RequestUri!.AbsolutePath));
    }

    [Fact]
    public async Task Login_ManualRequired_PrintsTheStepsAndExits1()
    {
        var login = new JsonObject
        {
            ["login_id"] = "cmd_1", ["node_id"] = "agent-node-1", ["tool"] = "claude-code", ["status"] = "manual_required",
            ["reason"] = "Tool 'claude-code' does not support remote OAuth flows",
            ["manual_guidance"] = new JsonObject { ["steps"] = new JsonArray("SSH into the agent server", "Run the login command: claude auth login") },
        };
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(login)));

        var run = await CliRun.RunAsync(["auth", "login", "agent-node-1", "claude-code"], () => stub);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("/api/v1/auth/nodes/agent-node-1/login", stub.Requests[0].RequestUri!.AbsolutePath);
        Assert.Contains("claude-code on agent-node-1: manual login required: Tool 'claude-code' does not support remote OAuth flows", run.Out, StringComparison.Ordinal);
        Assert.Contains("  2. Run the login command: claude auth login", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_UnknownNode_OneErrorLine()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.NotFound, ApiJson.Error("no node 'nope'", "not_found")));

        var run = await CliRun.RunAsync(["auth", "login", "nope", "codex"], () => stub);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("no node 'nope'", run.Error, StringComparison.Ordinal);
    }
}
