using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace HalOSwarm.Agent.Tests.Connection;

/// <summary>
/// A fake clock that reports every timer of at least <see cref="Watched"/> it creates (the reconnect waits, not the
/// 10 s handshake timeout), so a test advances the clock by exactly the wait once it has begun.
/// </summary>
internal sealed class TimerWatchingTimeProvider : FakeTimeProvider
{
    public static readonly TimeSpan Watched = TimeSpan.FromSeconds(20);

    private readonly Channel<TimeSpan> _waits = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime >= Watched && period == Timeout.InfiniteTimeSpan)
        {
            _waits.Writer.TryWrite(dueTime);
        }
        return timer;
    }

    /// <summary>Waits for the next long timer, advances the clock past it, and returns its length.</summary>
    public async Task<TimeSpan> ElapseNextWaitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var wait = await _waits.Reader.ReadAsync(timeout.Token);
        Advance(wait);
        return wait;
    }
}
