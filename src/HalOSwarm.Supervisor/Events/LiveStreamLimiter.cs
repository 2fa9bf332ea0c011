using System.Collections.Concurrent;

namespace HalOSwarm.Supervisor.Events;

/// <summary>Counts the live streams open per token, so one token cannot hold the supervisor's memory with idle streams.</summary>
internal sealed class LiveStreamLimiter
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    /// <summary>A slot to dispose when the stream ends, or null when the token already has <paramref name="max"/> open.</summary>
    public IDisposable? TryAcquire(string tokenId, int max)
    {
        while (true)
        {
            // A token whose streams all ended keeps its entry at 0: that is updated like any count, not added again
            // (which would fail for ever and spin).
            if (_open.TryGetValue(tokenId, out var current))
            {
                if (current >= max)
                {
                    return null;
                }
                if (_open.TryUpdate(tokenId, current + 1, current))
                {
                    return new Slot(this, tokenId);
                }
            }
            else if (_open.TryAdd(tokenId, 1))
            {
                return new Slot(this, tokenId);
            }
        }
    }

    private void Release(string tokenId) => _open.AddOrUpdate(tokenId, 0, (_, n) => Math.Max(0, n - 1));

    private sealed class Slot(LiveStreamLimiter owner, string tokenId) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.Release(tokenId);
            }
        }
    }
}
