using System.Text.Json;
using HalOSwarm.Agent.Commands;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Agent.Runtimes;
using HalOSwarm.Agent.Runtimes.Worktrees;
using HalOSwarm.Agent.Storage;
using HalOSwarm.Protocol;
using HalOSwarm.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HalOSwarm.Agent.Tests.Commands;

/// <summary>A command's deadline runs on the injected clock: fake time expires it, no test waits for real seconds.</summary>
public sealed class CommandExecutorTests : IDisposable
{
    private const string SessionId = "ses_d";
    private readonly TempDirectory _dir = new("hal-exec");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    private readonly AgentDatabase _db;
    private readonly SessionStore _sessions;
    private readonly FakeRuntime _runtime = new();
    private readonly PromptQueue _queue;
    private readonly CommandExecutor _executor;

    public CommandExecutorTests()
    {
        _db = new AgentDatabase(_dir.Path);
        _sessions = new SessionStore(_db);
        var options = Options.Create(new AgentOptions());
        var catalog = new RuntimeCatalog(options, [_runtime], NullLogger<RuntimeCatalog>.Instance);
        var feed = new RecordedEventFeed();
        _queue = new PromptQueue(new PromptQueueStore(_db, _time), _sessions, catalog, feed, _time, NullLogger<PromptQueue>.Instance);
        _executor = new CommandExecutor(options, catalog, new GitWorktrees(options, new WorktreeStore(_db)), _sessions, _queue, [], _time,
            NullLogger<CommandExecutor>.Instance);
        var recorder = new EventRecorder(new Outbox(_db, _time), _sessions, feed);
        recorder.RecordAsync([new PendingEvent(EventTypes.SessionCreated, SessionId,
            JsonDocument.Parse("""{"project":"proj","runtime":"opencode","directory":"/tmp"}""").RootElement)], CancellationToken.None).GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _queue.Dispose();
        _db.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task Handle_DeadlinePassesOnTheInjectedClock_DeadlineExceeded()
    {
        _runtime.HoldStatus = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var command = new CommandRequest("cmd-d", CommandTypes.Status, SessionId, null, default, _time.GetUtcNow().AddSeconds(10));

        var run = _executor.HandleAsync(command, CancellationToken.None);
        await _runtime.StatusEntered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(run.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(11));
        var result = await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(result.Ok);
        Assert.Equal(CommandErrorCodes.DeadlineExceeded, result.ErrorCode);
    }

    [Fact]
    public async Task Handle_DeadlineAlreadyPassed_DeadlineExceededWithoutRunning()
    {
        var command = new CommandRequest("cmd-late", CommandTypes.Status, SessionId, null, default, _time.GetUtcNow().AddSeconds(-1));

        var result = await _executor.HandleAsync(command, CancellationToken.None);

        Assert.Equal(CommandErrorCodes.DeadlineExceeded, result.ErrorCode);
        Assert.False(_runtime.StatusEntered.Task.IsCompleted);
    }
}
