using System.Collections.Concurrent;
using System.Globalization;

namespace HalOSwarm.Supervisor.Channels.Discord;

/// <summary>
/// Discord's per-route buckets as its <c>X-RateLimit-*</c> headers describe them: a route whose bucket has no request
/// left waits until the bucket resets, so the client does not earn 429s it could have foreseen. Keys are the route's
/// template plus its major parameter (the channel or webhook), as Discord counts them.
/// </summary>
internal sealed class DiscordRateLimits(TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _exhaustedUntil = new();

    /// <summary>How long a request on <paramref name="routeKey"/> must wait before it is sent; zero when it may go now.</summary>
    public TimeSpan WaitFor(string routeKey)
    {
        if (!_exhaustedUntil.TryGetValue(routeKey, out var until))
        {
            return TimeSpan.Zero;
        }
        var wait = until - timeProvider.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            _exhaustedUntil.TryRemove(routeKey, out _);
            return TimeSpan.Zero;
        }
        return wait;
    }

    /// <summary>Reads <c>X-RateLimit-Remaining</c> and <c>X-RateLimit-Reset-After</c> (seconds, fractional) of a response.</summary>
    public void Observe(string routeKey, HttpResponseMessage response)
    {
        var remaining = Header(response, "X-RateLimit-Remaining");
        var resetAfter = Header(response, "X-RateLimit-Reset-After");
        if (remaining is 0 && resetAfter is > 0)
        {
            _exhaustedUntil[routeKey] = timeProvider.GetUtcNow() + TimeSpan.FromSeconds(Math.Min(resetAfter.Value, 3600));
        }
        else if (remaining is > 0)
        {
            _exhaustedUntil.TryRemove(routeKey, out _);
        }
    }

    private static double? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values)
        && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
