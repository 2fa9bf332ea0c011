namespace HalOSwarm.Supervisor.Channels.Telegram;

/// <summary>
/// A Bot API call that failed: Telegram's <c>error_code</c> and <c>description</c> (0 and a scrubbed reason when the
/// request never got an answer), and <c>retry_after</c> on a 429. The message names the method, never the URL (which
/// holds the bot token).
/// </summary>
internal sealed class TelegramApiException(string method, int errorCode, string description, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception($"telegram {method}: {(errorCode == 0 ? "" : errorCode + " ")}{description}", inner)
{
    public string Method { get; } = method;

    public int ErrorCode { get; } = errorCode;

    public string Description { get; } = description;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>400 "message is not modified": an edit to what the message already shows (done, as far as anyone can tell).</summary>
    public bool NotModified => ErrorCode == 400 && Description.Contains("message is not modified", StringComparison.OrdinalIgnoreCase);

    /// <summary>Refusals that retrying cannot change: a bad request, a wrong token, a chat the bot may not write to.</summary>
    public bool Permanent => ErrorCode is 400 or 401 or 403 or 404;
}
