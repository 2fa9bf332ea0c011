using System.Net;
using HalOSwarm.Ctl.Tests.Support;
using HalOSwarm.Testing;

namespace HalOSwarm.Ctl.Tests.Commands;

public sealed class ErrorReportingTests
{
    [Fact]
    public async Task Run_NothingListening_SaysConnectionRefusedAndExitsOne()
    {
        var port = FreePort.Next();

        var run = await CliRun.RunAsync(["sessions", "list", "--supervisor-url", $"http://127.0.0.1:{port}"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"halctl: error: cannot reach supervisor at http://127.0.0.1:{port}: connection refused\n", run.Error.ReplaceLineEndings("\n"));
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Run_SessionNotFound_PrintsEnvelopeErrorWithCode()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.NotFound, ApiJson.Error("session 'x' not found", "not_found")));

        var run = await CliRun.RunAsync(["sessions", "get", "x"], () => stub);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("halctl: error: session 'x' not found (not_found)\n", run.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Run_Unauthorized_NeverPrintsTheToken()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.Unauthorized, ApiJson.Error("bad token s3cret-token", "unauthorized")));

        var run = await CliRun.RunAsync(["nodes", "list", "--token", "s3cret-token"], () => stub);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("halctl: error: unauthorized — check --token or HALCTL_TOKEN\n", run.Error.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("s3cret", run.Out + run.Error);
    }

    [Fact]
    public async Task Run_TokenAndUrlFromEnvironment_AreUsed()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(new System.Text.Json.Nodes.JsonArray())));
        var variables = new Dictionary<string, string>
        {
            ["HALCTL_TOKEN"] = "env-token",
            ["HALCTL_SUPERVISOR_URL"] = "http://sup.example:9000",
        };

        var run = await CliRun.RunAsync(["nodes", "list"], () => stub, variables);

        Assert.Equal(0, run.ExitCode);
        var request = Assert.Single(stub.Requests);
        Assert.Equal("http://sup.example:9000/api/v1/nodes", request.RequestUri!.ToString());
        Assert.Equal("Bearer env-token", request.Headers.Authorization!.ToString());
    }

    [Fact]
    public async Task Run_CommandFailed_ExitsOneWithServerMessage()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.Conflict, ApiJson.Error("node node-1 is offline", "node_offline")));

        var run = await CliRun.RunAsync(["sessions", "kill", "ses_1"], () => stub);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("halctl: error: node node-1 is offline (node_offline)\n", run.Error.ReplaceLineEndings("\n"));
    }
}
