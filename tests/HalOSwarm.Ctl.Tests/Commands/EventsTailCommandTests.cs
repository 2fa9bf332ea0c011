using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using HalOSwarm.Ctl.Tests.Support;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Events;

namespace HalOSwarm.Ctl.Tests.Commands;

public sealed class EventsTailCommandTests
{
    private static JsonObject Status(long id, string type) =>
        ApiJson.Event(id, type, new SessionStatusData(), ProtocolJsonContext.Default.SessionStatusData);

    [Fact]
    public async Task Tail_NewestPage_PrintsOldestFirstWithOrigin()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK,
            ApiJson.Envelope(new JsonArray(Status(9, EventTypes.SessionIdle), Status(8, EventTypes.SessionRunning)))));

        var run = await CliRun.RunAsync(["events", "tail", "--type", "session.*", "--limit", "2"], () => stub);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("?type=session.%2A&order=desc&limit=2", stub.Requests[0].RequestUri!.Query);
        Assert.Equal(
            "11:59:00 node-1 ses_1 ◆ status: running\n11:59:00 node-1 ses_1 ◆ status: idle\n",
            run.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Tail_SinceDuration_SendsIsoTime()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(new JsonArray())));

        await CliRun.RunAsync(["events", "tail", "--since", "15m"], () => stub);

        Assert.Contains("since=2025-06-01T11%3A45%3A00.000Z", stub.Requests[0].RequestUri!.Query);
    }

    [Fact]
    public async Task Tail_FollowInterrupted_StreamsAfterLastIdAndExitsZero()
    {
        var drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sse = $"id: 11\nevent: session.idle\ndata: {Status(11, EventTypes.SessionIdle).ToJsonString()}\n\n: keep-alive\n\n";
        var stub = new StubHandler(request =>
            request.RequestUri!.AbsolutePath.EndsWith("/stream", StringComparison.Ordinal)
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new HangingStream(Encoding.UTF8.GetBytes(sse), drained)) }
                : StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(new JsonArray(Status(10, EventTypes.SessionRunning)))));
        using var interrupt = new CancellationTokenSource();
        _ = drained.Task.ContinueWith(_ => interrupt.Cancel(), TaskScheduler.Default);

        var run = await CliRun.RunAsync(["events", "tail", "--follow", "--session", "ses_1"], () => stub, cancellationToken: interrupt.Token);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
        Assert.Contains("status: running", run.Out);
        Assert.Contains("status: idle", run.Out);
        var stream = stub.Requests[1];
        Assert.Equal("10", Assert.Single(stream.Headers.GetValues("Last-Event-ID")));
        Assert.Contains("after_id=10", stream.RequestUri!.Query);
    }
}
