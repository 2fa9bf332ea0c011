namespace HalOSwarm.Supervisor.Channels.Discord;

/// <summary>
/// Discord refused a request: the HTTP status, Discord's JSON error code (50001 missing access, 160004 a thread exists…)
/// and its message. Never carries the token or the request body. A 429 is <see cref="RetryAfter"/> set.
/// </summary>
internal sealed class DiscordApiException(string route, int status, int code, string message, TimeSpan? retryAfter = null)
    : Exception($"Discord {route}: {status} {message} (code {code})")
{
    public int Status { get; } = status;

    public int Code { get; } = code;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>A refusal that repeating the same request will not change (bad request, no access, unknown channel).</summary>
    public bool Permanent => Status is >= 400 and < 500 and not 429 and not 408;
}
