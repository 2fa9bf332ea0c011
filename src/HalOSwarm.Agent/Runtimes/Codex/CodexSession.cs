using System.Text;
using System.Text.Json;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Agent.Runtimes.Detached;
using HalOSwarm.Agent.Runtimes.OpenCode;
using HalOSwarm.Protocol;
using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent.Runtimes.Codex;

/// <summary>
/// One Codex thread and the app-server it runs in. Owns the loop that tails the app-server's stdout from
/// the durable cursor: each line's events are recorded together with the cursor moved past that line, so
/// after a kill -9 of the agent the line being handled is read again and its events (deltas included)
/// are neither lost nor recorded twice. When the app-server is restarted (after it died, or to adopt a
/// thread) the loop goes on in the same output file.
/// </summary>
internal sealed partial class CodexSession : IAsyncDisposable
{
    private readonly IEventRecorder _recorder;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _restarted = new(0);
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _loop = Task.CompletedTask;

    public CodexSession(string threadId, string folder, CodexEventMapper mapper, IEventRecorder recorder, ILogger logger)
    {
        ThreadId = threadId;
        Folder = folder;
        Mapper = mapper;
        _recorder = recorder;
        _logger = logger;
    }

    public string ThreadId { get; }

    public string Folder { get; }

    public CodexEventMapper Mapper { get; }

    public CodexRpc Rpc { get; } = new();

    /// <summary>Serializes commands that change the process or start turns.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public string CursorKey => CursorKeyOf(ThreadId);

    public static string CursorKeyOf(string threadId) => "codex:" + threadId;

    public bool IsAlive => Rpc.Process?.IsAlive == true;

    /// <summary>A turn/start was sent and its answer not read yet.</summary>
    public bool TurnStarting { get; set; }

    public bool IsBusy
    {
        get
        {
            lock (Mapper)
            {
                return IsAlive && (TurnStarting || Mapper.ActiveTurnId is not null);
            }
        }
    }

    public string KilledMarker => Path.Combine(Folder, "killed");

    /// <summary>Restores the mapper's state from the output before <paramref name="cursor"/>, then follows the output from there.</summary>
    public void Follow(DetachedProcess? process, long cursor)
    {
        Rpc.Process = process;
        var output = Path.Combine(Folder, "stdout");
        if (cursor > 0 && File.Exists(output))
        {
            using var stream = new FileStream(output, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var buffer = new byte[Math.Min(cursor, stream.Length)];
            stream.ReadExactly(buffer);
            foreach (var line in Encoding.UTF8.GetString(buffer).Split('\n'))
            {
                Mapper.Replay(line);
            }
        }
        _loop = Task.Run(() => TailAsync(cursor, _stop.Token));
    }

    /// <summary>A new app-server runs for this thread (the old one had ended): the loop reads on with it.</summary>
    public void Restarted(DetachedProcess process)
    {
        Rpc.Process = process;
        _restarted.Release();
    }

    private async Task TailAsync(long offset, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (Rpc.Process is { } process)
                {
                    await foreach (var (line, next) in process.ReadLinesAsync(offset, cancellationToken))
                    {
                        await HandleAsync(line, next, cancellationToken);
                        offset = next;
                    }
                    Rpc.FailAll("codex app-server exited");
                    await ExitedAsync(process, offset, cancellationToken);
                }
                Interlocked.Exchange(ref _drained, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
                await _restarted.WaitAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            Log.TailFailed(_logger, ThreadId, ex.Message);
        }
    }

    private async Task HandleAsync(string line, long next, CancellationToken cancellationToken)
    {
        IReadOnlyList<Connection.PendingEvent> events;
        lock (Mapper)
        {
            events = Mapper.Map(line);
        }
        if (events.Count > 0)
        {
            await _recorder.RecordAsync(events, new RuntimeCursor(CursorKey, next), cancellationToken);
        }
        if (line.StartsWith("{\"id\":", StringComparison.Ordinal) || line.Contains("\"result\":", StringComparison.Ordinal) || line.Contains("\"error\":{", StringComparison.Ordinal))
        {
            try
            {
                using var document = JsonDocument.Parse(line);
                if (document.RootElement.Get("method") is null)
                {
                    Rpc.Complete(document.RootElement.Clone());
                }
            }
            catch (JsonException)
            {
            }
        }
    }

    /// <summary>The app-server ended on its own in the middle of a turn: the session is idle with an error.</summary>
    private async Task ExitedAsync(DetachedProcess process, long offset, CancellationToken cancellationToken)
    {
        string? turnId;
        lock (Mapper)
        {
            turnId = Mapper.ActiveTurnId;
        }
        if (turnId is null || File.Exists(KilledMarker))
        {
            return;
        }
        var key = $"exit:{ThreadId}:{process.Pid}";
        var error = EventData.Create(EventTypes.SessionError, ThreadId,
            new Protocol.Events.SessionErrorData("ProcessExited", "codex app-server exited during the turn: " + process.ErrorTail(500), null),
            ProtocolJsonContext.Default.SessionErrorData, key);
        await _recorder.RecordAsync([error, CodexEvents.Status(EventTypes.SessionIdle, ThreadId, "exited", null, key + ":idle")],
            new RuntimeCursor(CursorKey, offset), cancellationToken);
    }

    /// <summary>Waits until everything the (ended) process wrote was read.</summary>
    public Task WaitDrainedAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        Volatile.Read(ref _drained).Task.WaitAsync(timeout, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
        _restarted.Dispose();
        Gate.Dispose();
    }
}
