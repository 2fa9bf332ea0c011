using System.Text.Json;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Agent.Runtimes;
using HalOSwarm.Agent.Storage;
using HalOSwarm.Protocol;
using HalOSwarm.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Agent.Tests.Connection;

public sealed class SupervisorConnectionTests : IDisposable
{
    private readonly TempDirectory _dir = new("hal-conn");
    private readonly AgentDatabase _db;
    private readonly Outbox _outbox;
    private readonly StubCommands _commands = new();
    private readonly CommandRunner _runner;
    private readonly SignalLogger<CommandRunner> _runnerLog = new("received again (running)");

    public SupervisorConnectionTests()
    {
        _db = new AgentDatabase(_dir.Path);
        _outbox = new Outbox(_db, TimeProvider.System);
        _runner = new CommandRunner(_commands, new CommandJournal(_db, TimeProvider.System), _runnerLog);
    }

    // xUnit v2 calls Dispose on a test class, never IAsyncDisposable.DisposeAsync: clean-up must be here.
    public void Dispose()
    {
        _runner.Dispose();
        _db.Dispose();
        _dir.Dispose();
    }

    private SupervisorConnection NewConnection(string url, int maxInFlight = 2000, List<string>? urls = null)
    {
        var options = Options.Create(new AgentOptions
        {
            SupervisorUrl = urls is null ? url : "",
            SupervisorUrls = urls ?? [],
            AuthToken = "secret-token",
            StateDir = _dir.Path,
            MaxInFlightEvents = maxInFlight,
            Projects = [new ProjectOptions { Name = "proj", Directory = _dir.Path }],
        });
        var sampler = new ResourceSampler(_dir.Path);
        var hello = new HelloFactory(new NodeIdentity("node-1", "host-1"), options, new RuntimeCatalog(options, [], NullLogger<RuntimeCatalog>.Instance), sampler, new SessionStore(_db), _outbox);
        return new SupervisorConnection(options, hello, _outbox, _runner, sampler, TimeProvider.System,
            NullLogger<SupervisorConnection>.Instance, new Backoff(new Random(7)));
    }

    private Task<IReadOnlyList<AgentEvent>> AppendAsync(int count) =>
        _outbox.AppendAsync([.. Enumerable.Range(0, count).Select(_ => new PendingEvent(EventTypes.SessionIdle, "ses_1", JsonDocument.Parse("{}").RootElement))],
            CancellationToken.None);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200 && !await condition(); i++)
        {
            await Task.Delay(50);
        }
        Assert.True(await condition());
    }

    [Fact]
    public async Task SupervisorUrls_FirstOneGoesAway_AgentDialsTheNextAndResendsWhatWasNotDurable()
    {
        await AppendAsync(3);
        var first = await FakeSupervisor.StartAsync();
        await using var second = await FakeSupervisor.StartAsync();
        using var connection = NewConnection("", urls: [first.Url, second.Url]);
        await connection.StartAsync(CancellationToken.None);
        try
        {
            var onFirst = await first.NextConnectionAsync();
            await onFirst.ReceiveAsync(MessageTypes.Hello);
            await onFirst.WelcomeAsync(durableSeq: 1);
            Assert.Equal([2L, 3L], await onFirst.ReceiveSeqsAsync(2));
            await first.DisposeAsync();

            var onSecond = await second.NextConnectionAsync();
            var hello = (await onSecond.ReceiveAsync(MessageTypes.Hello)).Payload;
            Assert.Equal("node-1", hello.GetProperty("node_id").GetString());
            await onSecond.WelcomeAsync(durableSeq: 1);
            Assert.Equal([2L, 3L], await onSecond.ReceiveSeqsAsync(2));
        }
        finally
        {
            await connection.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Connect_SendsHello_ResendsAfterDurableSeq_AckDeletes()
    {
        await AppendAsync(3);
        await using var supervisor = await FakeSupervisor.StartAsync();
        using var connection = NewConnection(supervisor.Url);
        await connection.StartAsync(CancellationToken.None);

        var peer = await supervisor.NextConnectionAsync();
        var hello = (await peer.ReceiveAsync(MessageTypes.Hello)).Payload;
        Assert.Equal("Bearer secret-token", supervisor.LastAuthorization);
        Assert.Equal("node-1", hello.GetProperty("node_id").GetString());
        Assert.Equal("host-1", hello.GetProperty("hostname").GetString());
        Assert.Equal(1, hello.GetProperty("protocol_versions")[0].GetInt32());
        Assert.Equal("proj", hello.GetProperty("projects")[0].GetProperty("name").GetString());
        Assert.Equal(1, hello.GetProperty("outbox_first_seq").GetInt64());
        Assert.Equal(3, hello.GetProperty("outbox_last_seq").GetInt64());
        Assert.True(hello.GetProperty("resources").GetProperty("mem_total_bytes").GetInt64() > 0);

        await peer.WelcomeAsync(durableSeq: 1);
        Assert.Equal([2L, 3L], await peer.ReceiveSeqsAsync(2));
        await peer.SendAsync(MessageTypes.Ack, """{"seq":3}""");
        await WaitUntilAsync(async () => (await _outbox.ReadAsync(0, 10, CancellationToken.None)).Count == 0);

        await AppendAsync(1);
        Assert.Equal([4L], await peer.ReceiveSeqsAsync(1));
        await peer.SendAsync(MessageTypes.Replay, """{"from_seq":4}""");
        Assert.Equal([4L], await peer.ReceiveSeqsAsync(1));

        await connection.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Reconnect_ResendsEverythingAfterWelcomeDurableSeq()
    {
        await AppendAsync(5);
        await using var supervisor = await FakeSupervisor.StartAsync();
        using var connection = NewConnection(supervisor.Url);
        await connection.StartAsync(CancellationToken.None);

        var first = await supervisor.NextConnectionAsync();
        await first.ReceiveAsync(MessageTypes.Hello);
        await first.WelcomeAsync(durableSeq: 0);
        Assert.Equal([1L, 2L, 3L, 4L, 5L], await first.ReceiveSeqsAsync(5));
        await first.SendAsync(MessageTypes.Ack, """{"seq":2}""");
        await WaitUntilAsync(async () => (await _outbox.RangeAsync(CancellationToken.None)).First == 3);
        await first.CloseAsync();

        var second = await supervisor.NextConnectionAsync();
        var hello = (await second.ReceiveAsync(MessageTypes.Hello)).Payload;
        Assert.Equal(3, hello.GetProperty("outbox_first_seq").GetInt64());
        Assert.Equal(5, hello.GetProperty("outbox_last_seq").GetInt64());
        await second.WelcomeAsync(durableSeq: 3);
        Assert.Equal([4L, 5L], await second.ReceiveSeqsAsync(2));

        await connection.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Send_RespectsBatchSizeAndInFlightWindow()
    {
        await AppendAsync(10);
        await using var supervisor = await FakeSupervisor.StartAsync();
        using var connection = NewConnection(supervisor.Url, maxInFlight: 4);
        await connection.StartAsync(CancellationToken.None);

        var peer = await supervisor.NextConnectionAsync();
        await peer.ReceiveAsync(MessageTypes.Hello);
        await peer.WelcomeAsync(durableSeq: 0, maxBatch: 3);
        var firstBatch = (await peer.ReceiveAsync(MessageTypes.Events)).Payload.GetProperty("events").GetArrayLength();
        var secondBatch = (await peer.ReceiveAsync(MessageTypes.Events)).Payload.GetProperty("events").GetArrayLength();
        Assert.Equal(3, firstBatch);
        Assert.Equal(1, secondBatch);
        await peer.SendAsync(MessageTypes.Ack, """{"seq":4}""");
        Assert.Equal([5L, 6L, 7L, 8L], await peer.ReceiveSeqsAsync(4));

        await connection.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Command_EveryCommandGetsAResult()
    {
        await using var supervisor = await FakeSupervisor.StartAsync();
        using var connection = NewConnection(supervisor.Url);
        await connection.StartAsync(CancellationToken.None);
        var peer = await supervisor.NextConnectionAsync();
        await peer.ReceiveAsync(MessageTypes.Hello);
        await peer.WelcomeAsync(durableSeq: 0);

        await peer.SendAsync(MessageTypes.Command, """{"command_id":"c1","type":"dance","args":{}}""");
        Assert.Equal("c1", (await peer.ReceiveAsync(MessageTypes.CommandAccepted)).Payload.GetProperty("command_id").GetString());
        var result = (await peer.ReceiveAsync(MessageTypes.CommandResult)).Payload;

        Assert.Equal("c1", result.GetProperty("command_id").GetString());
        Assert.False(result.GetProperty("ok").GetBoolean());
        Assert.Equal(CommandErrorCodes.UnknownCommand, result.GetProperty("error_code").GetString());
        await connection.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task SilentSupervisor_IsDroppedAndRedialed()
    {
        await using var supervisor = await FakeSupervisor.StartAsync();
        using var connection = NewConnection(supervisor.Url);
        await connection.StartAsync(CancellationToken.None);
        var first = await supervisor.NextConnectionAsync();
        await first.ReceiveAsync(MessageTypes.Hello);
        await first.WelcomeAsync(durableSeq: 0, heartbeatSec: 1);

        // The peer never answers: after 1 s x 3 the agent must give up on it by itself.
        await first.Closed.WaitAsync(TimeSpan.FromSeconds(15));
        var second = await supervisor.NextConnectionAsync();
        Assert.Equal("node-1", (await second.ReceiveAsync(MessageTypes.Hello)).Payload.GetProperty("node_id").GetString());
        await connection.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Command_ResentAfterReconnect_RunsOnce_AcceptedOnce_AnsweredFromStore()
    {
        await using var supervisor = await FakeSupervisor.StartAsync();
        using var connection = NewConnection(supervisor.Url);
        await connection.StartAsync(CancellationToken.None);
        var first = await supervisor.NextConnectionAsync();
        await first.ReceiveAsync(MessageTypes.Hello);
        await first.WelcomeAsync(durableSeq: 0);
        _commands.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Sent, accepted, then the connection drops before the result.
        const string Command = """{"command_id":"c-slow","type":"dance","args":{}}""";
        await first.SendAsync(MessageTypes.Command, Command);
        Assert.Equal("c-slow", (await first.ReceiveAsync(MessageTypes.CommandAccepted)).Payload.GetProperty("command_id").GetString());
        await first.SendAsync(MessageTypes.Command, Command);
        await first.CloseAsync();

        // Re-sent on the next connection while it still runs: no second run, no second accept; the one run answers.
        var second = await supervisor.NextConnectionAsync();
        await second.ReceiveAsync(MessageTypes.Hello);
        await second.WelcomeAsync(durableSeq: 0);
        await second.SendAsync(MessageTypes.Command, Command);
        await _runnerLog.Seen.Task.WaitAsync(TimeSpan.FromSeconds(10));
        _commands.Hold.SetResult();
        var result = (await second.ReceiveAsync(MessageTypes.CommandResult)).Payload;
        Assert.Equal("c-slow", result.GetProperty("command_id").GetString());

        // Re-sent once more after it finished: answered from agent.db with the same result.
        await second.SendAsync(MessageTypes.Command, Command);
        var again = (await second.ReceiveAsync(MessageTypes.CommandResult)).Payload;
        Assert.Equal(result.GetRawText(), again.GetRawText());
        Assert.Equal(1, _commands.Runs);
        await connection.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Stop_WhileACommandRuns_CancelsItAndReturnsOnlyAfterItEnded()
    {
        await using var supervisor = await FakeSupervisor.StartAsync();
        using var connection = NewConnection(supervisor.Url);
        await connection.StartAsync(CancellationToken.None);
        var peer = await supervisor.NextConnectionAsync();
        await peer.ReceiveAsync(MessageTypes.Hello);
        await peer.WelcomeAsync(durableSeq: 0);
        _commands.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await peer.SendAsync(MessageTypes.Command, """{"command_id":"c-long","type":"dance","args":{}}""");
        await peer.ReceiveAsync(MessageTypes.CommandAccepted);

        await connection.StopAsync(CancellationToken.None);

        Assert.True(_commands.Ended.Task.IsCompleted, "StopAsync returned while the command was still running");
        Assert.True(await _commands.Ended.Task, "the running command was not cancelled");
    }

    [Fact]
    public async Task CommandJournal_AfterRestart_FinishedIsStored_RunningIsInterrupted()
    {
        var journal = new CommandJournal(_db, TimeProvider.System);
        var done = new CommandRequest("c-done", CommandTypes.Status, "ses_1", null, default, null);
        var cut = new CommandRequest("c-cut", CommandTypes.Prompt, "ses_1", null, default, null);
        Assert.Null(await journal.ClaimAsync(done, CancellationToken.None));
        Assert.Null(await journal.ClaimAsync(cut, CancellationToken.None));
        await journal.CompleteAsync(new CommandResult("c-done", true, null, null, null), CancellationToken.None);

        using var reopened = new AgentDatabase(_dir.Path);
        var later = new CommandJournal(reopened, TimeProvider.System);
        Assert.True((await later.ClaimAsync(done, CancellationToken.None))!.Ok);
        var interrupted = await later.ClaimAsync(cut, CancellationToken.None);
        Assert.Equal(CommandErrorCodes.Interrupted, interrupted!.ErrorCode);
        Assert.Equal(CommandErrorCodes.Interrupted, (await later.ClaimAsync(cut, CancellationToken.None))!.ErrorCode);
    }

    private sealed class StubCommands : ICommandHandler
    {
        private int _runs;

        public TaskCompletionSource? Hold { get; set; }

        public int Runs => Volatile.Read(ref _runs);

        /// <summary>Completes when a run has ended, true when it was cancelled.</summary>
        public TaskCompletionSource<bool> Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<CommandResult> HandleAsync(CommandRequest command, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _runs);
            try
            {
                if (Hold is { } hold)
                {
                    await hold.Task.WaitAsync(cancellationToken);
                }
                return new CommandResult(command.CommandId, false, null, "no such command", CommandErrorCodes.UnknownCommand);
            }
            finally
            {
                Ended.TrySetResult(cancellationToken.IsCancellationRequested);
            }
        }
    }
}
