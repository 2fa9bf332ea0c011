using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Supervisor.Channels.Delivery;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Channels.Slack;

/// <summary>
/// The few Web API methods the supervisor calls (chat.postMessage, chat.update, apps.connections.open) and the POST to
/// an interaction's response_url. Slack answers HTTP 200 with <c>{"ok":false,"error":…}</c> for a refusal: that becomes
/// a <see cref="ChannelDeliveryException"/>, permanent for errors retrying cannot fix; a 429 carries Retry-After seconds.
/// Tokens go only in the Authorization header of the configured API base, never into a message.
/// </summary>
internal sealed class SlackWebClient(IHttpClientFactory httpClients, IOptions<ChannelsOptions> options)
{
    public const string HttpClientName = "slack";

    /// <summary>The most of an answer read; Slack's answers to these methods are a few KiB.</summary>
    public const int MaxResponseBytes = 1024 * 1024;

    private static readonly MediaTypeHeaderValue s_json = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");

    private static readonly HashSet<string> s_permanent = new(StringComparer.Ordinal)
    {
        "channel_not_found", "not_in_channel", "is_archived", "invalid_auth", "not_authed", "account_inactive",
        "token_revoked", "token_expired", "no_permission", "missing_scope", "not_allowed_token_type", "invalid_blocks",
        "invalid_blocks_format", "msg_too_long", "no_text", "too_many_attachments", "message_not_found",
        "cant_update_message", "edit_window_closed", "invalid_arguments", "invalid_arg_name", "restricted_action",
        "team_access_not_granted", "ekm_access_denied", "as_user_not_supported", "invalid_json", "json_not_object",
    };

    private SlackOptions Slack => options.Value.Slack;

    /// <summary>Posts a message; returns its <c>ts</c>.</summary>
    public async Task<string> PostMessageAsync(string channel, string text, JsonArray blocks, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["channel"] = channel, ["text"] = text, ["blocks"] = blocks, ["unfurl_links"] = false };
        var answer = await CallAsync("chat.postMessage", Slack.BotToken, body, cancellationToken);
        return answer.TryGetProperty("ts", out var ts) && ts.ValueKind == JsonValueKind.String
            ? ts.GetString()!
            : throw new ChannelDeliveryException("slack chat.postMessage: the answer has no ts");
    }

    /// <summary>Replaces the text and blocks of the message <paramref name="ts"/> in <paramref name="channel"/>.</summary>
    public async Task UpdateAsync(string channel, string ts, string text, JsonArray blocks, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["channel"] = channel, ["ts"] = ts, ["text"] = text, ["blocks"] = blocks };
        await CallAsync("chat.update", Slack.BotToken, body, cancellationToken);
    }

    /// <summary>A new Socket Mode WebSocket URL (apps.connections.open with the app-level token); it holds a ticket: never log it.</summary>
    public async Task<Uri> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var answer = await CallAsync("apps.connections.open", Slack.AppToken, null, cancellationToken);
        if (!answer.TryGetProperty("url", out var url) || url.ValueKind != JsonValueKind.String
            || !Uri.TryCreate(url.GetString(), UriKind.Absolute, out var uri) || (uri.Scheme != "wss" && uri.Scheme != "ws"))
        {
            throw new ChannelDeliveryException("slack apps.connections.open: the answer has no ws(s) url");
        }
        return uri;
    }

    /// <summary>POSTs <paramref name="body"/> to an interaction's response_url (no token: the URL is the credential).</summary>
    public async Task RespondAsync(Uri responseUrl, JsonObject body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, responseUrl) { Content = Json(body) };
        using var response = await Client().SendAsync(request, cancellationToken);
        await ReadAsync("response_url", response, cancellationToken);
    }

    private async Task<JsonElement> CallAsync(string method, string token, JsonObject? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Slack.ApiBaseUrl.TrimEnd('/') + "/" + method) { Content = Json(body ?? []) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Client().SendAsync(request, cancellationToken);
        return await ReadAsync(method, response, cancellationToken);
    }

    private HttpClient Client() => httpClients.CreateClient(HttpClientName);

    private static StringContent Json(JsonObject body)
    {
        var content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = s_json;
        return content;
    }

    private static async Task<JsonElement> ReadAsync(string method, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            throw new ChannelDeliveryException($"slack {method}: rate limited (429)", retryAfter: RetryAfter(response));
        }
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var status = (int)response.StatusCode;
            throw new ChannelDeliveryException($"slack {method}: HTTP {status}", permanent: status is >= 400 and < 500 and not 408);
        }
        if (method == "response_url" && !text.TrimStart().StartsWith('{'))
        {
            // A response_url answers "ok" as text.
            return default;
        }
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(text).RootElement;
        }
        catch (JsonException)
        {
            throw new ChannelDeliveryException($"slack {method}: the answer is not JSON");
        }
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True)
        {
            return root;
        }
        var error = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String
            ? Safe(e.GetString()!) : "unknown_error";
        if (error == "ratelimited")
        {
            throw new ChannelDeliveryException($"slack {method}: ratelimited", retryAfter: RetryAfter(response));
        }
        throw new ChannelDeliveryException($"slack {method}: {error}", permanent: s_permanent.Contains(error));
    }

    /// <summary>Slack's error codes are snake_case words; anything else is not repeated.</summary>
    private static string Safe(string error) =>
        error.Length <= 64 && error.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_') ? error : "unknown_error";

    private static TimeSpan RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter?.Delta is { } delta)
        {
            return delta;
        }
        return response.Headers.TryGetValues("Retry-After", out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and < 86_400
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromSeconds(1);
    }
}
