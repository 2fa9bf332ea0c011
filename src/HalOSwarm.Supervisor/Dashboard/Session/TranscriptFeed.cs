using HalOSwarm.Supervisor.Events;

namespace HalOSwarm.Supervisor.Dashboard.Session;

/// <summary>
/// One session page's live transcript: loads the latest events, then applies the session's events from the
/// <see cref="EventBroadcaster"/> as they are stored. It only marks itself <see cref="TakeChanged">changed</see>; the
/// page renders on its own timer, so a fast stream costs a few renders a second, not one per delta. A subscription the
/// broadcaster drops (the page fell behind) is replaced and the gap read from the database.
/// </summary>
internal sealed class TranscriptFeed(EventBroadcaster broadcaster, EventQueries queries, string sessionId) : IAsyncDisposable
{
    /// <summary>Events waiting for this page beyond this many bytes drop its subscription (it catches up from the database).</summary>
    public const long MaxBufferedBytes = 8L * 1024 * 1024;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private int _changed;
    private int _limit = TranscriptLoader.PageSize;

    public Transcript Transcript { get; private set; } = new();

    public bool HasEarlier { get; private set; }

    /// <summary>Session events other than transcript ones arrived (usage, status): the page re-reads its numbers.</summary>
    public bool SawEvents { get; set; }

    public async Task StartAsync(CancellationToken ct)
    {
        var subscription = broadcaster.Subscribe(MaxBufferedBytes);
        await ReloadAsync(ct);
        _loop = Task.Run(() => RunAsync(subscription, _stop.Token), CancellationToken.None);
    }

    /// <summary>Shows <see cref="TranscriptLoader.PageSize"/> more earlier events (re-read from the database).</summary>
    public async Task LoadEarlierAsync(CancellationToken ct)
    {
        _limit = Math.Min(_limit + TranscriptLoader.PageSize, TranscriptLoader.MaxEvents);
        await ReloadAsync(ct);
    }

    /// <summary>True once after the transcript changed.</summary>
    public bool TakeChanged() => Interlocked.Exchange(ref _changed, 0) == 1;

    private async Task ReloadAsync(CancellationToken ct)
    {
        var (transcript, hasEarlier) = await TranscriptLoader.LoadAsync(queries, sessionId, _limit, ct);
        await _lock.WaitAsync(ct);
        try
        {
            // Events the live loop applied to the old transcript after the load's read are read again here.
            await TranscriptLoader.CatchUpAsync(queries, sessionId, transcript, ct);
            Transcript = transcript;
            HasEarlier = hasEarlier && _limit < TranscriptLoader.MaxEvents;
            MarkChanged();
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task RunAsync(EventSubscription subscription, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                try
                {
                    await ReadAsync(subscription, ct);
                }
                catch (InvalidOperationException)
                {
                    // Dropped for falling behind: subscribe again, then read what was missed.
                    subscription.Dispose();
                    subscription = broadcaster.Subscribe(MaxBufferedBytes);
                    await Locked(() => TranscriptLoader.CatchUpAsync(queries, sessionId, Transcript, ct), ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The page closed.
        }
        finally
        {
            subscription.Dispose();
        }
    }

    private async Task ReadAsync(EventSubscription subscription, CancellationToken ct)
    {
        while (await subscription.WaitToReadAsync(ct))
        {
            await _lock.WaitAsync(ct);
            try
            {
                while (subscription.TryRead(out var stored))
                {
                    if (stored.SessionId == sessionId)
                    {
                        SawEvents = true;
                        if (Transcript.Apply(stored))
                        {
                            MarkChanged();
                        }
                    }
                }
            }
            finally
            {
                _lock.Release();
            }
        }
        // The channel completed without an error: disposed by the page.
        await _stop.CancelAsync();
    }

    private async Task Locked(Func<Task<bool>> action, CancellationToken ct)
    {
        await _lock.WaitAsync(ct);
        try
        {
            if (await action())
            {
                MarkChanged();
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    private void MarkChanged() => Interlocked.Exchange(ref _changed, 1);

    /// <summary>Runs <paramref name="read"/> on the transcript while no event is applied (for rendering).</summary>
    public async Task<T> ReadAsync<T>(Func<Transcript, T> read)
    {
        await _lock.WaitAsync();
        try
        {
            return read(Transcript);
        }
        finally
        {
            _lock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        _stop.Dispose();
        _lock.Dispose();
    }
}
