using System.Collections.Concurrent;
using HalOSwarm.Supervisor.Events;

namespace HalOSwarm.Supervisor.Dashboard.Fleet;

/// <summary>
/// Tells open fleet pages that something changed, cheaply for the writer: one <see cref="EventBroadcaster"/>
/// subscription for all open pages (taken while at least one is open), whose reader only bumps <see cref="Version"/>.
/// Pages poll the version at most once per <see cref="RefreshInterval"/> and re-read their visible page only when it
/// moved; identical reads of the same version (20 dashboards on the default view) share one database read.
/// </summary>
internal sealed class FleetChanges(EventBroadcaster broadcaster, FleetQueries queries) : IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);
    private const int MaxCached = 256;
    private readonly Lock _lock = new();
    private readonly ConcurrentDictionary<string, (long Version, Task<object> Read)> _cache = new(StringComparer.Ordinal);
    private int _pages;
    private long _version;
    private CancellationTokenSource? _stop;

    public long Version => Interlocked.Read(ref _version);

    /// <summary>A page opened: the subscription is taken if it is the first. Dispose the result when the page closes.</summary>
    public IDisposable Open()
    {
        lock (_lock)
        {
            if (_pages++ == 0)
            {
                _stop = new CancellationTokenSource();
                _ = Task.Run(() => DrainAsync(_stop.Token));
            }
        }
        return new Closer(this);
    }

    public Task<FleetPage<FleetSessionRow>> SessionsAsync(FleetFilter filter, int offset, int limit) =>
        Shared($"s|{filter}|{offset}|{limit}", () => queries.SessionsAsync(filter, offset, limit, CancellationToken.None));

    public Task<FleetPage<FleetNodeRow>> NodesAsync(string? status, string? text, int offset, int limit) =>
        Shared($"n|{status}|{text}|{offset}|{limit}", () => queries.NodesAsync(status, text, offset, limit, CancellationToken.None));

    public Task<FleetSummary> SummaryAsync() => Shared("summary", () => queries.SummaryAsync(CancellationToken.None));

    private async Task<T> Shared<T>(string key, Func<Task<T>> read)
        where T : class
    {
        var version = Version;
        if (_cache.TryGetValue(key, out var cached) && cached.Version == version && !cached.Read.IsFaulted)
        {
            return (T)await cached.Read;
        }
        if (_cache.Count > MaxCached)
        {
            _cache.Clear();
        }
        var task = Read(read);
        _cache[key] = (version, task);
        return (T)await task;
    }

    private static async Task<object> Read<T>(Func<Task<T>> read)
        where T : class => await read();

    private async Task DrainAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            using var subscription = broadcaster.Subscribe();
            Interlocked.Increment(ref _version);
            try
            {
                while (await subscription.WaitToReadAsync(stop))
                {
                    while (subscription.TryRead(out _))
                    {
                    }
                    Interlocked.Increment(ref _version);
                }
                return;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (InvalidOperationException)
            {
                // Dropped for falling behind: subscribe again; the version bump makes every page re-read.
            }
        }
    }

    private void Close()
    {
        lock (_lock)
        {
            if (--_pages == 0 && _stop is { } stop)
            {
                stop.Cancel();
                stop.Dispose();
                _stop = null;
                _cache.Clear();
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _stop?.Cancel();
            _stop?.Dispose();
            _stop = null;
        }
    }

    private sealed class Closer(FleetChanges owner) : IDisposable
    {
        private int _closed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0)
            {
                owner.Close();
            }
        }
    }
}
