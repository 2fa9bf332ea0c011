using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Ctl.Tests.Support;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Events;

namespace HalOSwarm.Ctl.Tests.Commands;

public sealed class SessionsCommandTests
{
    private static StubHandler Answer(string json) => new(_ => StubHandler.Json(HttpStatusCode.OK, json));

    [Fact]
    public async Task List_TableFormat_ShowsColumnsAndHumanizedValues()
    {
        var stub = Answer(ApiJson.Envelope(new JsonArray(ApiJson.Session("ses_1"), ApiJson.Session("ses_2", SessionStatuses.Idle))));

        var run = await CliRun.RunAsync(["sessions", "list"], () => stub);

        Assert.Equal(0, run.ExitCode);
        foreach (var header in new[] { "ID", "PROJECT", "NODE", "STATUS", "MODEL", "TOKENS IN/OUT", "COST $", "TASK", "LAST ACTIVITY" })
        {
            Assert.Contains(header, run.Out);
        }
        Assert.Contains("ses_1", run.Out);
        Assert.Contains("ses_2", run.Out);
        Assert.Contains("12.3k/678", run.Out);
        Assert.Contains("$0.4213", run.Out);
        Assert.Contains("Fix the login bug (2/5)", run.Out);
        Assert.Contains("3m ago", run.Out);
    }

    [Fact]
    public async Task List_JsonFormat_PrintsDataArrayWithEveryField()
    {
        var stub = Answer(ApiJson.Envelope(new JsonArray(ApiJson.Session("ses_1"))));

        var run = await CliRun.RunAsync(["sessions", "list", "--format", "json"], () => stub);

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Out);
        var session = Assert.Single(document.RootElement.EnumerateArray().ToList());
        Assert.Equal("ses_1", session.GetProperty("session_id").GetString());
        Assert.Equal(12345, session.GetProperty("tokens").GetProperty("input").GetInt64());
        Assert.Contains("\n  {", run.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task List_All_FollowsCursorsAndPassesFilters()
    {
        var stub = new StubHandler(request => StubHandler.Json(HttpStatusCode.OK, request.RequestUri!.Query.Contains("cursor=c2", StringComparison.Ordinal)
            ? ApiJson.Envelope(new JsonArray(ApiJson.Session("ses_2")))
            : ApiJson.Envelope(new JsonArray(ApiJson.Session("ses_1")), nextCursor: "c2")));

        var run = await CliRun.RunAsync(["sessions", "list", "--all", "--project", "demo", "--status", "running", "--node", "node-1", "--limit", "1", "-o", "json"], () => stub);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, stub.Requests.Count);
        Assert.Equal("?project=demo&status=running&node_id=node-1&limit=1", stub.Requests[0].RequestUri!.Query);
        using var document = JsonDocument.Parse(run.Out);
        Assert.Equal(["ses_1", "ses_2"], document.RootElement.EnumerateArray().Select(s => s.GetProperty("session_id").GetString()));
    }

    [Fact]
    public async Task Start_TableFormat_PrintsSessionNodeAndCommand()
    {
        var stub = Answer(ApiJson.Envelope(ApiJson.Command("cmd_9", "start", "ses_new")));

        var run = await CliRun.RunAsync(["sessions", "start", "demo", "--prompt", "hello", "--title", "T", "--wait", "5"], () => stub);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("started session ses_new on node node-1 (command cmd_9)\n", run.Out.ReplaceLineEndings("\n"));
        var request = Assert.Single(stub.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/api/v1/projects/demo/start?wait=5", request.RequestUri!.PathAndQuery);
        Assert.Equal("{\"prompt\":\"hello\",\"title\":\"T\"}", stub.Bodies[0]);
    }

    [Fact]
    public async Task Start_JsonFormat_PrintsTheCommand()
    {
        var stub = Answer(ApiJson.Envelope(ApiJson.Command("cmd_9", "start", "ses_new")));

        var run = await CliRun.RunAsync(["sessions", "start", "demo", "--format", "json"], () => stub);

        using var document = JsonDocument.Parse(run.Out);
        Assert.Equal("cmd_9", document.RootElement.GetProperty("command_id").GetString());
        Assert.Equal("ses_new", document.RootElement.GetProperty("result").GetProperty("session_id").GetString());
    }

    [Fact]
    public async Task Prompt_SendsTextAndReportsCommand()
    {
        var stub = Answer(ApiJson.Envelope(ApiJson.Command("cmd_2", "prompt", "ses_1")));

        var run = await CliRun.RunAsync(["sessions", "prompt", "ses_1", "go on"], () => stub);

        Assert.Equal("prompted session ses_1 (command cmd_2)\n", run.Out.ReplaceLineEndings("\n"));
        Assert.Equal("/api/v1/sessions/ses_1/prompt", stub.Requests[0].RequestUri!.AbsolutePath);
        Assert.Equal("{\"text\":\"go on\"}", stub.Bodies[0]);
    }

    [Fact]
    public async Task Logs_TableFormat_RendersTranscriptAfterHeader()
    {
        var events = new JsonArray(
            ApiJson.Event(1, EventTypes.MessageCompleted, new MessageCompletedData("m1", "user", "Fix it"), ProtocolJsonContext.Default.MessageCompletedData),
            ApiJson.Event(2, EventTypes.MessageCompleted, new MessageCompletedData("m2", "assistant", "Done."), ProtocolJsonContext.Default.MessageCompletedData));
        var stub = new StubHandler(request => StubHandler.Json(HttpStatusCode.OK, request.RequestUri!.AbsolutePath.EndsWith("/events", StringComparison.Ordinal)
            ? ApiJson.Envelope(events)
            : ApiJson.Envelope(ApiJson.Session("ses_1"))));

        var run = await CliRun.RunAsync(["sessions", "logs", "ses_1"], () => stub);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.StartsWith("── session ses_1", lines[0]);
        Assert.Equal("11:59:00 user: Fix it", lines[1]);
        Assert.Equal("11:59:00 assistant: Done.", lines[2]);
        Assert.Equal("?session_id=ses_1&order=asc&limit=1000", stub.Requests[1].RequestUri!.Query);
    }

    [Fact]
    public async Task Logs_JsonFormat_PrintsOneEventPerLine()
    {
        var events = new JsonArray(
            ApiJson.Event(1, EventTypes.SessionRunning, new SessionStatusData(), ProtocolJsonContext.Default.SessionStatusData),
            ApiJson.Event(2, EventTypes.SessionIdle, new SessionStatusData(), ProtocolJsonContext.Default.SessionStatusData));
        var stub = new StubHandler(request => StubHandler.Json(HttpStatusCode.OK, request.RequestUri!.AbsolutePath.EndsWith("/events", StringComparison.Ordinal)
            ? ApiJson.Envelope(events)
            : ApiJson.Envelope(ApiJson.Session("ses_1"))));

        var run = await CliRun.RunAsync(["sessions", "logs", "ses_1", "--format", "json"], () => stub);

        var lines = run.Out.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Equal(["session.running", "session.idle"], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("type").GetString()));
    }
}
