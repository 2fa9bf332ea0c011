using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Ctl.Tests.Support;

namespace HalOSwarm.Ctl.Tests.Commands;

/// <summary>The top-level verbs that act on sessions: start, inject, resume, restart, abort, kill.</summary>
public sealed class InterventionCommandTests
{
    private static StubHandler Answer(JsonNode command, HttpStatusCode status = HttpStatusCode.OK) =>
        new(_ => StubHandler.Json(status, ApiJson.Envelope(command)));

    private static string Key(HttpRequestMessage request) =>
        string.Join(",", request.Content!.Headers.GetValues("Idempotency-Key"));

    [Fact]
    public async Task Start_WithOptionsAndKey_PostsProjectStartWithKeyHeader()
    {
        var stub = Answer(ApiJson.Command("cmd_1", "start", "ses_new"));

        var run = await CliRun.RunAsync(["start", "demo", "--prompt", "go", "--node", "node-1", "--title", "T", "--wait", "10", "--idempotency-key", "k1"], () => stub);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("started session ses_new on node node-1 (command cmd_1)\n", run.Out.ReplaceLineEndings("\n"));
        var request = Assert.Single(stub.Requests);
        Assert.Equal("/api/v1/projects/demo/start?wait=10", request.RequestUri!.PathAndQuery);
        Assert.Equal("{\"node_id\":\"node-1\",\"prompt\":\"go\",\"title\":\"T\"}", stub.Bodies[0]);
        Assert.Equal("k1", Key(request));
        Assert.StartsWith("cli:", request.Headers.GetValues("X-Hal-Actor").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inject_Interrupt_SendsInterruptFlagAndKey()
    {
        var stub = Answer(ApiJson.Command("cmd_2", "inject", "ses_1"));

        var run = await CliRun.RunAsync(["inject", "ses_1", "stop that", "--interrupt", "--wait", "0", "--idempotency-key", "k2"], () => stub);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("injected into session ses_1 (command cmd_2)\n", run.Out.ReplaceLineEndings("\n"));
        Assert.Equal("/api/v1/sessions/ses_1/inject?wait=0", stub.Requests[0].RequestUri!.PathAndQuery);
        Assert.Equal("{\"text\":\"stop that\",\"interrupt\":true}", stub.Bodies[0]);
        Assert.Equal("k2", Key(stub.Requests[0]));
    }

    [Fact]
    public async Task Inject_BusySession_SaysTheTextIsQueued()
    {
        var command = ApiJson.Command("cmd_3", "inject", "ses_1");
        command["result"] = new JsonObject { ["queued"] = true, ["position"] = 2 };
        var stub = Answer(command);

        var run = await CliRun.RunAsync(["inject", "ses_1", "next step"], () => stub);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("injected into session ses_1 (command cmd_3; the session is busy: queued at position 2, delivered when its turn ends)\n",
            run.Out.ReplaceLineEndings("\n"));
        Assert.Equal("{\"text\":\"next step\"}", stub.Bodies[0]);
    }

    [Fact]
    public async Task Resume_NotFinishedWithinWait_ExitsZeroAndPointsToCommandsGet()
    {
        var command = ApiJson.Command("cmd_4", "resume", "ses_1");
        command["state"] = "pending";
        var stub = Answer(command, HttpStatusCode.Accepted);

        var run = await CliRun.RunAsync(["resume", "ses_1", "--wait", "0"], () => stub);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("resumed session ses_1 (command cmd_4 is pending, not finished yet: see 'halctl commands get cmd_4')\n",
            run.Out.ReplaceLineEndings("\n"));
        Assert.Null(stub.Bodies[0]);
    }

    [Theory]
    [InlineData("restart", "restarted")]
    [InlineData("abort", "aborted")]
    [InlineData("kill", "killed")]
    public async Task ControlVerb_WithKey_PostsToSessionAndReports(string verb, string done)
    {
        var stub = Answer(ApiJson.Command("cmd_5", verb, "ses_1"));

        var run = await CliRun.RunAsync([verb, "ses_1", "--idempotency-key", "k5"], () => stub);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"{done} session ses_1 (command cmd_5)\n", run.Out.ReplaceLineEndings("\n"));
        Assert.Equal($"/api/v1/sessions/ses_1/{verb}", stub.Requests[0].RequestUri!.PathAndQuery);
        Assert.Equal("k5", Key(stub.Requests[0]));
    }

    [Theory]
    [InlineData(new[] { "migrate", "ses_1" }, "auto")]
    [InlineData(new[] { "migrate", "ses_1", "--to", "node-b" }, "node-b")]
    [InlineData(new[] { "restart", "ses_1", "--to", "node-b" }, "node-b")]
    [InlineData(new[] { "sessions", "migrate", "ses_1" }, "auto")]
    public async Task Migrate_PostsARestartWithToNodeAndReports(string[] args, string toNode)
    {
        var stub = Answer(ApiJson.Command("cmd_m", "restart", "ses_1"));

        var run = await CliRun.RunAsync(args, () => stub);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("migrated session ses_1 (command cmd_m)\n", run.Out.ReplaceLineEndings("\n"));
        Assert.Equal("/api/v1/sessions/ses_1/restart", stub.Requests[0].RequestUri!.PathAndQuery);
        Assert.Equal($$"""{"to_node":"{{toNode}}"}""", stub.Bodies[0]);
    }

    [Fact]
    public async Task Kill_NodeOffline_PrintsReasonWithCodeAndExitsOne()
    {
        var details = new JsonObject { ["command"] = ApiJson.Command("cmd_6", "kill", "ses_1") };
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.Conflict,
            ApiJson.Error("command cmd_6 failed: node node-1 was offline for 3 s", "node_offline", details)));

        var run = await CliRun.RunAsync(["kill", "ses_1", "--wait", "5"], () => stub);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("halctl: error: command cmd_6 failed: node node-1 was offline for 3 s (node_offline)\n", run.Error.ReplaceLineEndings("\n"));
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Start_JsonFormat_PrintsStoredCommand()
    {
        var stub = Answer(ApiJson.Command("cmd_7", "start", "ses_new"));

        var run = await CliRun.RunAsync(["start", "demo", "-o", "json"], () => stub);

        using var document = JsonDocument.Parse(run.Out);
        Assert.Equal("ses_new", document.RootElement.GetProperty("result").GetProperty("session_id").GetString());
        Assert.Equal("{}", stub.Bodies[0]);
    }

    [Theory]
    [InlineData("inject", "ses_1")]
    [InlineData("start")]
    [InlineData("resume", "ses_1", "--wait", "-1")]
    [InlineData("kill", "ses_1", "--idempotency-key", " ")]
    [InlineData("inject", "ses_1", "hi", "--interrupt", "yes-please")]
    public async Task Run_BadInterventionLine_ExitsTwoWithOneLine(params string[] args)
    {
        var run = await CliRun.RunAsync(args, () => new StubHandler(_ => throw new InvalidOperationException("no request expected")));

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
        Assert.StartsWith("halctl: error: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inject_BlankText_ExitsOneWithoutRequest()
    {
        var stub = new StubHandler(_ => throw new InvalidOperationException("no request expected"));

        var run = await CliRun.RunAsync(["inject", "ses_1", "  "], () => stub);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("halctl: error: the prompt text is empty\n", run.Error.ReplaceLineEndings("\n"));
        Assert.Empty(stub.Requests);
    }
}
