using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace HalOSwarm.Supervisor.Cost.Providers;

/// <summary>
/// One GET against a billing API with its retries: connection failures, timeouts and 5xx are retried with a doubling
/// wait, a 429 waits what its Retry-After asks (up to <see cref="MaxRetryAfter"/>); 401/403, other 4xx and redirects
/// (not followed: the key's header would go along) fail at once.
/// Retries are logged at debug level only: the poller logs a provider's failure once, when its state changes.
/// </summary>
internal sealed partial class ProviderHttp(HttpClient http, TimeProvider timeProvider, ILogger logger)
{
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(5);

    /// <summary>The largest answer read (a page holds at most 31 daily buckets: a few MB at most).</summary>
    public const int MaxResponseBytes = 32 * 1024 * 1024;

    public async Task<T> GetAsync<T>(ProviderRequest call, Uri uri, JsonTypeInfo<T> type, CancellationToken cancellationToken) where T : class
    {
        for (var attempt = 0; ; attempt++)
        {
            var (result, reason, wait) = await TryOnceAsync(call, uri, type, cancellationToken);
            if (result is not null)
            {
                return result;
            }
            reason = ProviderKeys.Scrub(reason!, call.Key);
            if (attempt >= call.MaxRetries)
            {
                throw new ProviderPollException(string.Create(CultureInfo.InvariantCulture, $"{reason} ({uri.AbsolutePath}, {attempt + 1} attempt(s))"));
            }
            var delay = wait ?? call.RetryDelay * Math.Pow(2, attempt);
            if (delay > MaxRetryAfter)
            {
                throw new ProviderPollException(string.Create(CultureInfo.InvariantCulture,
                    $"{reason} ({uri.AbsolutePath}): asked to wait {delay.TotalSeconds:0} s, more than {MaxRetryAfter.TotalSeconds:0} s"));
            }
            LogRetry(logger, call.Provider, reason, (long)delay.TotalMilliseconds);
            await Task.Delay(delay, timeProvider, cancellationToken);
        }
    }

    /// <summary>The answer, or why this attempt failed and how long its Retry-After asks to wait; throws for failures not worth a retry.</summary>
    private async Task<(T? Result, string? Reason, TimeSpan? Wait)> TryOnceAsync<T>(
        ProviderRequest call, Uri uri, JsonTypeInfo<T> type, CancellationToken cancellationToken) where T : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        call.Authorize(request, call.Key);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return (await ReadAsync(call, uri, response, type, cancellationToken), null, null);
            }
            if (status is 401 or 403)
            {
                throw new ProviderPollException($"the provider refused the key in {call.KeyName} (HTTP {status})");
            }
            if (status == 429)
            {
                return (null, "rate limited (HTTP 429)", RetryAfter(response));
            }
            if (status is >= 500 or 408)
            {
                return (null, $"HTTP {status}", null);
            }
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new ProviderPollException(ProviderKeys.Scrub($"HTTP {status} from {uri.AbsolutePath}: {Shorten(body)}", call.Key));
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return (null, $"connection failed: {ex.Message}", null);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"no answer within {http.Timeout.TotalSeconds:0} s"), null);
        }
    }

    private static async Task<T> ReadAsync<T>(ProviderRequest call, Uri uri, HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await JsonSerializer.DeserializeAsync(stream, type, cancellationToken)
                ?? throw new ProviderPollException($"an empty answer from {uri.AbsolutePath}");
        }
        catch (JsonException ex)
        {
            throw new ProviderPollException(ProviderKeys.Scrub($"an answer of an unexpected shape from {uri.AbsolutePath}: {ex.Message}", call.Key), ex);
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - timeProvider.GetUtcNow() : null);
        return wait is { } w && w < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
