using HalOSwarm.Agent.Runtimes;
using HalOSwarm.Agent.Configuration;
using Microsoft.Extensions.Options;
using System.Text.Json;
using HalOSwarm.Agent.Commands;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Agent.Storage;
using HalOSwarm.Protocol;
using HalOSwarm.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace HalOSwarm.Agent.Tests.Commands;

public sealed class PromptQueueTests : IDisposable
{
    private const string SessionId = "ses_q";
    private readonly TempDirectory _dir = new("hal-queue");
    private readonly AgentDatabase _db;
    private readonly SessionStore _sessions;
    private readonly EventRecorder _recorder;
    private readonly FakeRuntime _runtime = new();
    private readonly PromptQueueStore _store;
    private readonly PromptQueue _queue;

    public PromptQueueTests()
    {
        _db = new AgentDatabase(_dir.Path);
        _sessions = new SessionStore(_db);
        var feed = new RecordedEventFeed();
        _recorder = new EventRecorder(new Outbox(_db, TimeProvider.System), _sessions, feed);
        _store = new PromptQueueStore(_db, TimeProvider.System);
        _queue = new PromptQueue(_store, _sessions, new RuntimeCatalog(Options.Create(new AgentOptions()), [_runtime], NullLogger<RuntimeCatalog>.Instance), feed, TimeProvider.System, NullLogger<PromptQueue>.Instance);
    }

    public void Dispose()
    {
        _queue.Dispose();
        _db.Dispose();
        _dir.Dispose();
    }

    private async Task RecordAsync(string type, string data = "{}") =>
        await _recorder.RecordAsync([new PendingEvent(type, SessionId, JsonDocument.Parse(data).RootElement)], CancellationToken.None);

    private async Task<SessionRecord> SessionAsync()
    {
        await RecordAsync(EventTypes.SessionCreated, """{"project":"proj","runtime":"opencode","directory":"/tmp"}""");
        return (await _sessions.GetAsync(SessionId, CancellationToken.None))!;
    }

    private Task<JsonElement> SubmitAsync(SessionRecord session, string text, bool interrupt = false) =>
        _queue.SubmitAsync(session, "cmd-" + text, text, interrupt, CancellationToken.None);

    /// <summary>A turn runs and ends: opencode reports busy, then idle.</summary>
    private async Task TurnAsync()
    {
        _runtime.Busy = true;
        await RecordAsync(EventTypes.SessionRunning);
        Assert.False(await _queue.DrainAsync(SessionId, CancellationToken.None));
        _runtime.Busy = false;
        await RecordAsync(EventTypes.SessionIdle);
    }

    [Fact]
    public async Task Submit_BusySession_QueuesInOrder_OnePerIdleTransition()
    {
        var session = await SessionAsync();

        Assert.True((await SubmitAsync(session, "one")).GetProperty("delivered").GetBoolean());
        // Sent but its turn not seen starting yet: still counts as busy.
        var two = await SubmitAsync(session, "two");
        var three = await SubmitAsync(session, "three");
        Assert.True(two.GetProperty("queued").GetBoolean());
        Assert.Equal(1, two.GetProperty("position").GetInt32());
        Assert.Equal(2, three.GetProperty("position").GetInt32());

        await TurnAsync();
        Assert.True(await _queue.DrainAsync(SessionId, CancellationToken.None));
        Assert.False(await _queue.DrainAsync(SessionId, CancellationToken.None));
        Assert.Equal(["one", "two"], _runtime.Prompts);

        await TurnAsync();
        Assert.True(await _queue.DrainAsync(SessionId, CancellationToken.None));
        Assert.Equal(["one", "two", "three"], _runtime.Prompts);
        Assert.Equal(0, await _store.CountAsync(SessionId, CancellationToken.None));
    }

    [Fact]
    public async Task Submit_TurnRanWhileThePromptWasBeingSent_NextPromptDeliveredAtOnce()
    {
        var session = await SessionAsync();
        // The runtime reports the turn's start (and its end) before the call that sent the prompt returns.
        _runtime.WhileSending = async () =>
        {
            _runtime.WhileSending = null;
            await RecordAsync(EventTypes.SessionRunning);
            await RecordAsync(EventTypes.SessionIdle);
        };
        Assert.True((await SubmitAsync(session, "one")).GetProperty("delivered").GetBoolean());

        var two = await SubmitAsync(session, "two");

        Assert.True(two.GetProperty("delivered").GetBoolean(), two.ToString());
        Assert.Equal(["one", "two"], _runtime.Prompts);
    }

    [Fact]
    public async Task Submit_IdleSessionWithQueuedPrompts_QueuesBehindThem()
    {
        var session = await SessionAsync();
        _runtime.Busy = true;
        await SubmitAsync(session, "first");
        _runtime.Busy = false;

        var second = await SubmitAsync(session, "second");

        Assert.Equal(2, second.GetProperty("position").GetInt32());
        Assert.Empty(_runtime.Prompts);
    }

    [Fact]
    public async Task Submit_Interrupt_AbortsTurn_SendsAheadOfQueue()
    {
        var session = await SessionAsync();
        _runtime.Busy = true;
        await SubmitAsync(session, "later");

        var now = await SubmitAsync(session, "now", interrupt: true);

        Assert.True(now.GetProperty("delivered").GetBoolean());
        Assert.Equal(1, _runtime.Aborts);
        Assert.Equal(["now"], _runtime.Prompts);
        Assert.Equal(1, await _store.CountAsync(SessionId, CancellationToken.None));
    }

    [Fact]
    public async Task Running_IdleEvent_DeliversQueuedPrompt()
    {
        var session = await SessionAsync();
        _runtime.Busy = true;
        await SubmitAsync(session, "queued");
        await _queue.StartAsync(CancellationToken.None);

        _runtime.Busy = false;
        await RecordAsync(EventTypes.SessionIdle);

        for (var i = 0; i < 100 && _runtime.Prompts.IsEmpty; i++)
        {
            await Task.Delay(50);
        }
        Assert.Equal(["queued"], _runtime.Prompts);
        await _queue.StopAsync(CancellationToken.None);
    }
}
