using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Supervisor.Configuration;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Channels.Discord;

/// <summary>
/// The REST calls the supervisor makes to Discord (API v10), over the named client <see cref="HttpClientName"/> (no
/// redirects, no request logging: URLs of interaction webhooks carry the interaction's token). Bot routes send
/// <c>Authorization: Bot TOKEN</c>; interaction webhooks need none. A 429 or a bucket known to be empty either throws
/// <see cref="DiscordApiException"/> with the wait (<see cref="DiscordRetry.Throw"/>: the outbox waits it out) or is
/// waited out here (<see cref="DiscordRetry.Wait"/>: interaction replies, which have 3 seconds to 15 minutes).
/// </summary>
internal sealed partial class DiscordRestClient
{
    public const string HttpClientName = "discord";
    public const string UserAgent = "DiscordBot (https://github.com/hal-o-swarm/hal-o-swarm, 1.0)";
    private const int MaxWaits = 3;
    private static readonly TimeSpan s_longestWait = TimeSpan.FromSeconds(30);

    private readonly IHttpClientFactory _http;
    private readonly DiscordOptions _options;
    private readonly DiscordRateLimits _limits;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<DiscordRestClient> _logger;

    public DiscordRestClient(IHttpClientFactory http, IOptions<ChannelsOptions> options, DiscordRateLimits limits, TimeProvider timeProvider,
        ILogger<DiscordRestClient> logger)
    {
        _http = http;
        _options = options.Value.Discord;
        _limits = limits;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public bool Configured => PlaceholderValues.IsSet(_options.BotToken);

    /// <summary>POST /channels/{channel}/messages; returns the message's id.</summary>
    public async Task<string> CreateMessageAsync(string channelId, JsonObject message, DiscordRetry retry, CancellationToken cancellationToken)
    {
        using var doc = await SendAsync(HttpMethod.Post, $"channels/{channelId}/messages", "POST channels/messages:" + channelId, message, true, retry, cancellationToken);
        return doc!.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>PATCH /channels/{channel}/messages/{message}.</summary>
    public async Task EditMessageAsync(string channelId, string messageId, JsonObject message, DiscordRetry retry, CancellationToken cancellationToken)
    {
        using var doc = await SendAsync(HttpMethod.Patch, $"channels/{channelId}/messages/{messageId}", "PATCH channels/messages:" + channelId, message, true, retry, cancellationToken);
    }

    /// <summary>POST /channels/{channel}/messages/{message}/threads; returns the thread's (channel) id.</summary>
    public async Task<string> StartThreadAsync(string channelId, string messageId, string name, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["name"] = name, ["auto_archive_duration"] = 1440 };
        using var doc = await SendAsync(HttpMethod.Post, $"channels/{channelId}/messages/{messageId}/threads", "POST channels/threads:" + channelId, body, true, DiscordRetry.Throw, cancellationToken);
        return doc!.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>PUT /applications/{app}/guilds/{guild}/commands (replaces every guild command).</summary>
    public async Task PutGuildCommandsAsync(JsonArray commands, CancellationToken cancellationToken)
    {
        using var doc = await SendAsync(HttpMethod.Put, $"applications/{_options.ApplicationId}/guilds/{_options.GuildId}/commands",
            "PUT applications/commands:" + _options.GuildId, commands, true, DiscordRetry.Wait, cancellationToken);
    }

    /// <summary>POST /interactions/{id}/{token}/callback (the Gateway's way to answer; HTTP mode answers in the response).</summary>
    public async Task InteractionCallbackAsync(string interactionId, string token, JsonObject response, CancellationToken cancellationToken)
    {
        using var doc = await SendAsync(HttpMethod.Post, $"interactions/{interactionId}/{token}/callback", "POST interactions:" + interactionId, response, false, DiscordRetry.Wait, cancellationToken);
    }

    /// <summary>PATCH /webhooks/{app}/{token}/messages/@original (the answer to a deferred command).</summary>
    public async Task EditOriginalAsync(string interactionToken, JsonObject message, CancellationToken cancellationToken)
    {
        using var doc = await SendAsync(HttpMethod.Patch, $"webhooks/{_options.ApplicationId}/{interactionToken}/messages/@original",
            "PATCH webhooks/original:" + _options.ApplicationId, message, false, DiscordRetry.Wait, cancellationToken);
    }

    /// <summary>POST /webhooks/{app}/{token} (a follow-up message to an interaction).</summary>
    public async Task FollowUpAsync(string interactionToken, JsonObject message, CancellationToken cancellationToken)
    {
        using var doc = await SendAsync(HttpMethod.Post, $"webhooks/{_options.ApplicationId}/{interactionToken}",
            "POST webhooks:" + _options.ApplicationId, message, false, DiscordRetry.Wait, cancellationToken);
    }

    /// <summary>GET /gateway/bot: the URL to open the Gateway on.</summary>
    public async Task<Uri> GetGatewayUrlAsync(CancellationToken cancellationToken)
    {
        using var doc = await SendAsync(HttpMethod.Get, "gateway/bot", "GET gateway/bot", null, true, DiscordRetry.Wait, cancellationToken);
        var url = doc!.RootElement.GetProperty("url").GetString();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("wss" or "ws"))
        {
            throw new DiscordApiException("GET gateway/bot", 200, 0, "no WebSocket URL in the answer");
        }
        return uri;
    }

    private async Task<JsonDocument?> SendAsync(HttpMethod method, string path, string routeKey, JsonNode? body, bool bot, DiscordRetry retry,
        CancellationToken cancellationToken)
    {
        var route = routeKey.Split(':')[0];
        for (var attempt = 0; ; attempt++)
        {
            var wait = _limits.WaitFor(routeKey);
            if (wait > TimeSpan.Zero)
            {
                if (retry == DiscordRetry.Throw || attempt >= MaxWaits)
                {
                    throw new DiscordApiException(route, 429, 0, "rate limit bucket empty", wait);
                }
                LogWaiting(_logger, route, (long)wait.TotalMilliseconds);
                await Task.Delay(Min(wait), _timeProvider, cancellationToken);
            }
            using var request = new HttpRequestMessage(method, new Uri(BaseUri(), path));
            request.Headers.UserAgent.ParseAdd(UserAgent);
            if (bot)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _options.BotToken);
            }
            if (body is not null)
            {
                request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            }
            using var response = await _http.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            _limits.Observe(routeKey, response);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return response.StatusCode == HttpStatusCode.NoContent || text.Length == 0 ? null : JsonDocument.Parse(text);
            }
            var error = Error(route, response, text);
            if (error.RetryAfter is { } after && retry == DiscordRetry.Wait && attempt < MaxWaits)
            {
                LogWaiting(_logger, route, (long)after.TotalMilliseconds);
                await Task.Delay(Min(after), _timeProvider, cancellationToken);
                continue;
            }
            throw error;
        }
    }

    private Uri BaseUri() => new(_options.ApiBaseUrl.TrimEnd('/') + "/");

    private static TimeSpan Min(TimeSpan wait) => wait < s_longestWait ? wait : s_longestWait;

    /// <summary>Discord's error JSON (<c>{"message","code"}</c>, or on a 429 <c>{"message","retry_after","global"}</c>).</summary>
    private static DiscordApiException Error(string route, HttpResponseMessage response, string text)
    {
        var status = (int)response.StatusCode;
        var code = 0;
        var message = response.ReasonPhrase ?? "error";
        TimeSpan? retryAfter = null;
        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            if (root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number)
            {
                code = c.GetInt32();
            }
            if (root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String)
            {
                var s = m.GetString()!;
                message = s.Length <= 200 ? s : s[..200];
            }
            if (root.TryGetProperty("retry_after", out var r) && r.ValueKind == JsonValueKind.Number)
            {
                retryAfter = TimeSpan.FromSeconds(Math.Clamp(r.GetDouble(), 0, 3600));
            }
        }
        catch (JsonException)
        {
            // Not Discord's JSON (a proxy's page): the status says enough.
        }
        if (status == 429 && retryAfter is null)
        {
            retryAfter = response.Headers.TryGetValues("Retry-After", out var values)
                && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                    ? TimeSpan.FromSeconds(Math.Clamp(seconds, 0, 3600))
                    : TimeSpan.FromSeconds(1);
        }
        return new DiscordApiException(route, status, code, message, status == 429 ? retryAfter : null);
    }
}

/// <summary>What a rate limit does to a call: throw with the wait (deliveries) or wait and retry (interaction replies).</summary>
internal enum DiscordRetry
{
    Throw,
    Wait,
}
