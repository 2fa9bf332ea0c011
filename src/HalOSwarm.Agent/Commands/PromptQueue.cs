using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Agent.Runtimes;
using HalOSwarm.Agent.Storage;
using HalOSwarm.Protocol;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent.Commands;

/// <summary>
/// Keeps prompts out of running turns. A prompt for a busy session (or one with prompts already waiting)
/// is stored in agent.db and delivered when the session turns idle: one per idle transition, oldest first.
/// Busy means the runtime says so right now (asked over HTTP just before sending), or a prompt was sent
/// and its turn has not been seen starting yet (opencode marks a session busy a moment after accepting a
/// prompt). A turn counts as started by a running event recorded after the moment the prompt was about to
/// be sent: that event can be recorded before the call that sent the prompt returns.
/// <c>interrupt</c> aborts the running turn, waits for idle and sends at once, ahead of the queue.
/// </summary>
internal sealed partial class PromptQueue : BackgroundService
{
    /// <summary>How long a sent prompt counts as a turn about to start when no running event arrives.</summary>
    public static readonly TimeSpan TurnStartGrace = TimeSpan.FromSeconds(15);
    /// <summary>How often queued sessions are checked even without an idle event (missed events, restarts).</summary>
    public static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(5);
    /// <summary>How long an interrupt waits for the aborted turn to end.</summary>
    public static readonly TimeSpan InterruptWait = TimeSpan.FromSeconds(30);

    private readonly PromptQueueStore _store;
    private readonly SessionStore _sessions;
    private readonly RuntimeCatalog _runtimes;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<PromptQueue> _logger;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _sentAt = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _runningAt = new(StringComparer.Ordinal);
    private readonly Channel<string> _wake = Channel.CreateUnbounded<string>();

    public PromptQueue(PromptQueueStore store, SessionStore sessions, RuntimeCatalog runtimes, RecordedEventFeed feed,
        TimeProvider timeProvider, ILogger<PromptQueue> logger)
    {
        _store = store;
        _sessions = sessions;
        _runtimes = runtimes;
        _timeProvider = timeProvider;
        _logger = logger;
        feed.Recorded += OnRecorded;
    }

    /// <summary>Sends <paramref name="text"/> now or queues it; the result is <c>{delivered:true}</c> or <c>{queued:true, position}</c>.</summary>
    public async Task<JsonElement> SubmitAsync(SessionRecord session, string commandId, string text, bool interrupt, CancellationToken cancellationToken)
    {
        var runtime = Runtime(session);
        var gate = _gates.GetOrAdd(session.SessionId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (interrupt)
            {
                await InterruptAsync(session, runtime, cancellationToken);
            }
            else if (await _store.CountAsync(session.SessionId, cancellationToken) > 0 || await IsBusyAsync(session, runtime, cancellationToken))
            {
                var position = await _store.EnqueueAsync(session.SessionId, commandId, text, cancellationToken);
                Log.Queued(_logger, session.SessionId, commandId, position);
                _wake.Writer.TryWrite(session.SessionId);
                return Result(new JsonObject { ["queued"] = true, ["position"] = position });
            }
            await SendAsync(session, runtime, text, cancellationToken);
            return Result(new JsonObject { ["delivered"] = true });
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The moment to pass to <see cref="MarkSent"/>: taken before a prompt is sent another way.</summary>
    public long BeforeSend() => _timeProvider.GetTimestamp();

    /// <summary>
    /// A prompt reached the session another way (the first prompt of <c>start</c>); <paramref name="before"/> is
    /// <see cref="BeforeSend"/> taken before it was sent, so a running event recorded meanwhile still counts.
    /// </summary>
    public void MarkSent(string sessionId, long before)
    {
        _sentAt[sessionId] = before;
    }

    private async Task SendAsync(SessionRecord session, IRuntimeAdapter runtime, string text, CancellationToken cancellationToken)
    {
        var before = BeforeSend();
        _sentAt[session.SessionId] = before;
        try
        {
            await runtime.PromptAsync(session, text, cancellationToken);
        }
        catch
        {
            _sentAt.TryRemove(new KeyValuePair<string, long>(session.SessionId, before));
            throw;
        }
    }

    /// <summary>Delivers the session's oldest queued prompt if the session is idle; true when one was sent.</summary>
    public async Task<bool> DrainAsync(string sessionId, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(sessionId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (await _store.PeekAsync(sessionId, cancellationToken) is not { } next)
            {
                return false;
            }
            if (await _sessions.GetAsync(sessionId, cancellationToken) is not { } session)
            {
                Log.Dropped(_logger, sessionId, await _store.DropAsync(sessionId, cancellationToken));
                return false;
            }
            var runtime = Runtime(session);
            if (await IsBusyAsync(session, runtime, cancellationToken))
            {
                return false;
            }
            await SendAsync(session, runtime, next.Text, cancellationToken);
            await _store.RemoveAsync(next.Id, cancellationToken);
            Log.Delivered(_logger, sessionId, next.CommandId);
            return true;
        }
        finally
        {
            gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextSweep = _timeProvider.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = _timeProvider.GetUtcNow();
            try
            {
                if (now >= nextSweep)
                {
                    nextSweep = now + SweepInterval;
                    foreach (var sessionId in await _store.SessionsAsync(stoppingToken))
                    {
                        await TryDrainAsync(sessionId, stoppingToken);
                    }
                    continue;
                }
                using var wait = new CancellationTokenSource(nextSweep - now, _timeProvider);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(wait.Token, stoppingToken);
                var woken = await _wake.Reader.ReadAsync(linked.Token);
                await TryDrainAsync(woken, stoppingToken);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // Time to sweep.
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task TryDrainAsync(string sessionId, CancellationToken cancellationToken)
    {
        try
        {
            await DrainAsync(sessionId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.DeliveryFailed(_logger, sessionId, ex.Message);
            if (ex is RuntimeCommandException { ErrorCode: CommandErrorCodes.UnknownSession })
            {
                Log.Dropped(_logger, sessionId, await _store.DropAsync(sessionId, cancellationToken));
            }
        }
    }

    private async Task InterruptAsync(SessionRecord session, IRuntimeAdapter runtime, CancellationToken cancellationToken)
    {
        if (!await runtime.IsBusyAsync(session, cancellationToken))
        {
            return;
        }
        await runtime.AbortAsync(session, cancellationToken);
        using var limit = new CancellationTokenSource(InterruptWait, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(limit.Token, cancellationToken);
        try
        {
            while (await runtime.IsBusyAsync(session, linked.Token))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), _timeProvider, linked.Token);
            }
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new RuntimeCommandException(CommandErrorCodes.RuntimeError,
                $"session '{session.SessionId}' was still busy {InterruptWait.TotalSeconds:0} s after the abort");
        }
        _sentAt.TryRemove(session.SessionId, out _);
    }

    private async Task<bool> IsBusyAsync(SessionRecord session, IRuntimeAdapter runtime, CancellationToken cancellationToken)
    {
        if (_sentAt.TryGetValue(session.SessionId, out var sentAt))
        {
            var started = _runningAt.TryGetValue(session.SessionId, out var runningAt) && runningAt >= sentAt;
            if (!started && _timeProvider.GetElapsedTime(sentAt) < TurnStartGrace)
            {
                return true;
            }
            _sentAt.TryRemove(new KeyValuePair<string, long>(session.SessionId, sentAt));
        }
        return await runtime.IsBusyAsync(session, cancellationToken);
    }

    private void OnRecorded(IReadOnlyList<AgentEvent> events)
    {
        foreach (var e in events)
        {
            switch (e.Type)
            {
                case EventTypes.SessionRunning or EventTypes.SessionRetry when e.SessionId is not null:
                    // The turn of a prompt sent before now has started; from now on the runtime's status tells.
                    _runningAt[e.SessionId] = _timeProvider.GetTimestamp();
                    break;
                case EventTypes.SessionIdle when e.SessionId is not null:
                    _wake.Writer.TryWrite(e.SessionId);
                    break;
                case EventTypes.SessionDeleted when e.SessionId is not null:
                    _sentAt.TryRemove(e.SessionId, out _);
                    _runningAt.TryRemove(e.SessionId, out _);
                    _wake.Writer.TryWrite(e.SessionId);
                    break;
            }
        }
    }

    private IRuntimeAdapter Runtime(SessionRecord session) => _runtimes.Get(session.Runtime);

    private static JsonElement Result(JsonObject value)
    {
        using var document = JsonDocument.Parse(value.ToJsonString());
        return document.RootElement.Clone();
    }
}
