using System.Security.Claims;
using System.Collections.Concurrent;

namespace HalOSwarm.Supervisor.Events;

/// <summary>Counts the live streams open per token, so one token cannot hold the supervisor's memory with idle streams.</summary>
internal sealed class LiveStreamLimiter
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    /// <summary>A slot to dispose when the stream ends, or null when the token already has <paramref name="max"/> open.</summary>
    /// <summary>
    /// A slot for the caller's token under <c>server.sse_streams_per_token</c>, or null after answering 429
    /// <c>too_many_streams</c> (an event stream and a client socket alike).
    /// </summary>
    public async Task<IDisposable?> AcquireOrRefuseAsync(HttpContext context, int max)
    {
        var tokenId = context.User.FindFirstValue(Security.SupervisorClaims.TokenId) ?? "";
        if (TryAcquire(tokenId, max) is { } slot)
        {
            return slot;
        }
        await Api.ApiErrors.Error(StatusCodes.Status429TooManyRequests,
            $"this token already has {max} live streams open (server.sse_streams_per_token); close one first",
            "too_many_streams").ExecuteAsync(context);
        return null;
    }

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
