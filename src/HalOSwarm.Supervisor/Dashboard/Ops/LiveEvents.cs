using HalOSwarm.Supervisor.Events;

namespace HalOSwarm.Supervisor.Dashboard.Ops;

/// <summary>
/// A page's live feed of stored events: reads an <see cref="EventBroadcaster"/> subscription on its own task, hands each
/// event to <c>onEvent</c> (cheap: remember it, set a flag), and at most every <see cref="Interval"/> calls
/// <c>onTick</c> when something arrived (or when <c>everyTick</c>), so a page renders a few times a second at most,
/// however busy the fleet. A subscription dropped for falling behind is taken up again, and <c>onTick</c> learns it
/// (<c>missed</c>) so the page re-reads the database.
/// </summary>
internal sealed class LiveEvents : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    /// <summary>A subscriber's buffer: a page that stops reading is dropped before it holds more.</summary>
    public const long MaxBufferedBytes = 4 * 1024 * 1024;

    private readonly EventBroadcaster? _broadcaster;
    private readonly Func<StoredEvent, bool> _onEvent;
    private readonly Func<bool, Task> _onTick;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly bool _everyTick;
    private readonly CancellationTokenSource _stop = new();
    private Task? _reading;
    private Task? _ticking;
    private int _dirty;
    private int _missed;

    /// <param name="broadcaster">Null for a page that only refreshes on the clock (<paramref name="everyTick"/>).</param>
    /// <param name="onEvent">Called on the reading task for every event; true when the page should refresh.</param>
    /// <param name="onTick">Called on the timer when an event asked for it, or every tick with <paramref name="everyTick"/>; its argument says events were missed.</param>
    public LiveEvents(EventBroadcaster? broadcaster, TimeProvider time, Func<StoredEvent, bool> onEvent, Func<bool, Task> onTick,
        bool everyTick = false, TimeSpan? interval = null)
    {
        _broadcaster = broadcaster;
        _time = time;
        _onEvent = onEvent;
        _onTick = onTick;
        _everyTick = everyTick;
        _interval = interval ?? Interval;
    }

    public void Start()
    {
        if (_broadcaster is not null)
        {
            _reading ??= Task.Run(() => ReadAsync(_stop.Token));
        }
        _ticking ??= Task.Run(() => TickAsync(_stop.Token));
    }

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            using var subscription = _broadcaster!.Subscribe(MaxBufferedBytes);
            try
            {
                while (await subscription.WaitToReadAsync(cancellationToken))
                {
                    while (subscription.TryRead(out var stored))
                    {
                        if (_onEvent(stored))
                        {
                            Volatile.Write(ref _dirty, 1);
                        }
                    }
                }
                return;
            }
            catch (InvalidOperationException)
            {
                // Dropped for falling behind: subscribe again; the page re-reads what it missed.
                Volatile.Write(ref _missed, 1);
                Volatile.Write(ref _dirty, 1);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_interval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                if (Interlocked.Exchange(ref _dirty, 0) == 1 || _everyTick)
                {
                    try
                    {
                        await _onTick(Interlocked.Exchange(ref _missed, 0) == 1);
                    }
                    catch (ObjectDisposedException)
                    {
                        return; // the circuit went away before the page was disposed
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var task in new[] { _reading, _ticking })
        {
            if (task is not null)
            {
                try
                {
                    await task;
                }
                catch (OperationCanceledException)
                {
                }
            }
        }
        _stop.Dispose();
    }
}
