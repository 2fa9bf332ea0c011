namespace HalOSwarm.Supervisor.Channels.Routing;

/// <summary>
/// The router's memory per rule and key (session, else node): the times of recent matching events for
/// <c>count &gt;= N within W</c>, and when the last alert was made for the throttle. Used by the router's loop only (one
/// thread at a time). Bounded: a rule keeps at most <see cref="MaxKeys"/> keys, forgetting the stalest when full. Lost on
/// restart: a count starts again, and a throttle lets the next alert through.
/// </summary>
internal sealed class RouteWindows
{
    public const int MaxKeys = 10_000;

    private readonly Dictionary<(string Rule, string Key), Queue<DateTimeOffset>> _counts = [];
    private readonly Dictionary<(string Rule, string Key), DateTimeOffset> _lastAlert = [];

    /// <summary>Adds an event at <paramref name="at"/>; true when it makes N within the window (the window then starts over).</summary>
    public bool Count(RouteRule rule, string key, DateTimeOffset at)
    {
        var condition = rule.Count!;
        if (!_counts.TryGetValue((rule.Name, key), out var times))
        {
            if (_counts.Count >= MaxKeys * 4)
            {
                Prune(_counts, at, condition.Window);
            }
            times = new Queue<DateTimeOffset>();
            _counts[(rule.Name, key)] = times;
        }
        while (times.Count > 0 && times.Peek() <= at - condition.Window)
        {
            times.Dequeue();
        }
        times.Enqueue(at);
        if (times.Count < condition.Count)
        {
            return false;
        }
        times.Clear();
        return true;
    }

    /// <summary>True when the rule alerted for <paramref name="key"/> less than its throttle before <paramref name="at"/>.</summary>
    public bool Throttled(RouteRule rule, string key, DateTimeOffset at) =>
        rule.Throttle is { } throttle && _lastAlert.TryGetValue((rule.Name, key), out var last) && at - last < throttle && at >= last;

    public void Alerted(RouteRule rule, string key, DateTimeOffset at)
    {
        if (rule.Throttle is null)
        {
            return;
        }
        if (_lastAlert.Count >= MaxKeys * 4)
        {
            var stale = _lastAlert.Where(e => at - e.Value >= TimeSpan.FromDays(1)).Select(e => e.Key).ToList();
            stale.ForEach(k => _lastAlert.Remove(k));
            if (_lastAlert.Count >= MaxKeys * 4)
            {
                _lastAlert.Clear();
            }
        }
        _lastAlert[(rule.Name, key)] = at;
    }

    private static void Prune(Dictionary<(string, string), Queue<DateTimeOffset>> counts, DateTimeOffset at, TimeSpan window)
    {
        var stale = counts.Where(e => e.Value.Count == 0 || e.Value.Last() <= at - window).Select(e => e.Key).ToList();
        stale.ForEach(k => counts.Remove(k));
        if (counts.Count >= MaxKeys * 4)
        {
            counts.Clear();
        }
    }
}
