using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Protocol;
using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent.Runtimes.Tmux;

/// <summary>
/// Follows one tmux session: every poll it reads what the pane wrote since the durable cursor (the piped
/// <c>output.log</c>), records it as <c>message.delta</c> of the open turn, classifies the screen
/// (<see cref="ScreenClassifier"/>) and records <c>session.activity</c> plus the status event on each
/// change; a turn's whole text becomes <c>message.completed</c> when the program stops working. Prompts
/// are typed under the same lock, so a poll and a prompt never interleave.
/// </summary>
internal sealed partial class TmuxSession : IAsyncDisposable
{
    private static readonly TimeSpan s_paneCheckInterval = TimeSpan.FromSeconds(1);

    private readonly string _folder;
    private readonly TmuxClient _client;
    private readonly TmuxOptions _options;
    private readonly IEventRecorder _recorder;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ScreenClassifier _classifier;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private long _cursor;
    private long _lastPaneCheck;
    private int _deadWithoutStatus;
    private string? _typed;
    private Task _loop = Task.CompletedTask;

    public TmuxSession(string sessionId, string folder, TmuxSessionState state, long cursor, TmuxClient client, TmuxOptions options,
        ActivityPatterns patterns, IEventRecorder recorder, TimeProvider time, ILogger logger)
    {
        SessionId = sessionId;
        _folder = folder;
        State = state;
        _cursor = cursor;
        _client = client;
        _options = options;
        _recorder = recorder;
        _time = time;
        _logger = logger;
        var output = new FileInfo(OutputPath);
        DateTimeOffset? lastOutput = output.Exists && output.Length > 0 ? new DateTimeOffset(output.LastWriteTimeUtc, TimeSpan.Zero) : null;
        _classifier = new ScreenClassifier(patterns, TimeSpan.FromSeconds(options.IdleAfterSec), TimeSpan.FromSeconds(options.StuckAfterSec), time,
            state.State ?? ActivityStates.Initializing, lastOutput);
    }

    public string SessionId { get; }

    public TmuxSessionState State { get; }

    public TmuxClient Client => _client;

    public string Activity => _classifier.State;

    public string? Detail => _classifier.Detail;

    public DateTimeOffset LastOutputAt => _classifier.LastOutputAt;

    public bool Exited => _classifier.Exited;

    /// <summary>Ready for a prompt: the program waits at a prompt or has gone quiet.</summary>
    public bool AcceptsInput => !Exited && Activity is ActivityStates.Idle or ActivityStates.WaitingForInput;

    public string OutputPath => Path.Combine(_folder, TmuxSessionState.OutputFileName);

    public static string CursorKey(string sessionId) => "tmux:" + sessionId;

    /// <summary>Called when the session disappeared from tmux and its deletion was recorded.</summary>
    public Action<TmuxSession>? Gone { get; init; }

    public void Start() => _loop = Task.Run(() => RunAsync(_stop.Token));

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (!await TickAsync(cancellationToken))
                {
                    Gone?.Invoke(this);
                    return;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.PollFailed(_logger, SessionId, ex.Message);
            }
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(_options.PollIntervalMs), _time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One look at the session; false when it is gone from tmux (its deletion is then recorded).</summary>
    public async Task<bool> TickAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var events = new List<PendingEvent>();
            var progressChanged = UpdateProgress();
            var (text, next) = ReadNew();
            var alive = true;
            if (next > _cursor)
            {
                var cursorLine = await CursorLineAsync(cancellationToken);
                // The echo of what was just typed is the user's line, not a question of the program's.
                if (_typed is { Length: > 0 } typed && cursorLine?.EndsWith(typed, StringComparison.Ordinal) == true)
                {
                    cursorLine = null;
                }
                var changed = _classifier.OnOutput(text, cursorLine);
                if (text.Length > 0)
                {
                    OpenTurn();
                    events.Add(TmuxEvents.Delta(SessionId, TmuxEvents.OutputMessageId(SessionId, State.TurnStart!.Value), text));
                }
                if (changed)
                {
                    AddStateEvents(events, next);
                }
            }
            else
            {
                alive = await CheckPaneAsync(events, next, cancellationToken);
                if (alive && _classifier.OnSilence())
                {
                    AddStateEvents(events, next);
                }
            }
            if (progressChanged && !events.Any(e => e.Type == EventTypes.SessionActivity))
            {
                events.Add(TmuxEvents.Activity(SessionId, _classifier.State, _classifier.Detail, State.Progress));
            }
            if (!alive)
            {
                CloseTurn(events, next);
                events.Add(TmuxEvents.Deleted(SessionId, "the tmux session ended"));
            }
            await CommitAsync(events, next, cancellationToken);
            if (alive && State.PendingPrompt is { } first && AcceptsInput)
            {
                State.PendingPrompt = null;
                State.Save(_folder);
                await TypeAsync(first, cancellationToken);
            }
            return alive;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task CommitAsync(List<PendingEvent> events, long next, CancellationToken cancellationToken)
    {
        if (events.Count == 0 && next == _cursor)
        {
            return;
        }
        await _recorder.RecordAsync(events, new RuntimeCursor(CursorKey(SessionId), next), cancellationToken);
        _cursor = next;
        if (events.Any(e => e.Type != EventTypes.MessageDelta))
        {
            State.Save(_folder);
        }
    }

    /// <summary>Stops following (the tmux session is left as it is).</summary>
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
    }
}
