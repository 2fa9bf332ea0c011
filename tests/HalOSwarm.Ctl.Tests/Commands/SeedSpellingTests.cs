using System.Net;
using System.Text.Json.Nodes;
using HalOSwarm.Ctl.Tests.Support;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Events;

namespace HalOSwarm.Ctl.Tests.Commands;

/// <summary>The command lines the seed README and runbook write work, or say what to write instead.</summary>
public sealed class SeedSpellingTests
{
    private static Func<HttpMessageHandler> NoHttp => () => new StubHandler(_ => throw new InvalidOperationException("no request expected"));

    [Fact]
    public async Task AuthTokenAndNodeId_SeedSpellings_SentAsTokenAndNodeFilter()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(new JsonArray())));

        var run = await CliRun.RunAsync(
            ["--supervisor-url", "http://sup:8421", "--auth-token", "seed-token", "sessions", "list", "--node-id", "agent-1"], () => stub);

        Assert.True(run.ExitCode == 0, run.Error);
        var request = Assert.Single(stub.Requests);
        Assert.Equal("Bearer seed-token", request.Headers.Authorization!.ToString());
        Assert.Equal("http://sup:8421/api/v1/sessions?node_id=agent-1", request.RequestUri!.ToString());
    }

    [Theory]
    [InlineData("ws://localhost:8420", "use --supervisor-url http://localhost:8421")]
    [InlineData("wss://sup.example:8420", "use --supervisor-url https://sup.example:8421")]
    [InlineData("ws://sup:9000", "use --supervisor-url http://sup:<server.http_port>")]
    public async Task SupervisorUrl_AgentWebSocketAddress_SaysWhichUrlItNeeds(string url, string advice)
    {
        var run = await CliRun.RunAsync(["--supervisor-url", url, "--auth-token", "t", "nodes", "list"], NoHttp);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"halctl: error: supervisor URL '{url}' is the agents' WebSocket address; halctl talks to the HTTP API", run.Error);
        Assert.Contains(advice, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogsLimit_ShowsTheNewestEventsOldestFirst()
    {
        // The API answers newest first, as asked.
        var events = new JsonArray(
            ApiJson.Event(9, EventTypes.MessageCompleted, new MessageCompletedData("m9", "assistant", "Done."), ProtocolJsonContext.Default.MessageCompletedData),
            ApiJson.Event(8, EventTypes.MessageCompleted, new MessageCompletedData("m8", "user", "Fix it"), ProtocolJsonContext.Default.MessageCompletedData));
        var stub = new StubHandler(request => StubHandler.Json(HttpStatusCode.OK, request.RequestUri!.AbsolutePath.EndsWith("/events", StringComparison.Ordinal)
            ? ApiJson.Envelope(events, nextCursor: "older")
            : ApiJson.Envelope(ApiJson.Session("ses_1"))));

        var run = await CliRun.RunAsync(["sessions", "logs", "ses_1", "--limit", "2"], () => stub);

        Assert.True(run.ExitCode == 0, run.Error);
        var lines = run.Out.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(["11:59:00 user: Fix it", "11:59:00 assistant: Done."], lines[1..]);
        Assert.Equal("?session_id=ses_1&order=desc&limit=2", stub.Requests[1].RequestUri!.Query);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task Help_ListsTheSeedSpellings()
    {
        var root = await CliRun.RunAsync(["--help"], NoHttp);
        var list = await CliRun.RunAsync(["sessions", "list", "--help"], NoHttp);

        Assert.Contains("--auth-token", root.Out, StringComparison.Ordinal);
        Assert.Contains("--node-id", list.Out, StringComparison.Ordinal);
    }
}
