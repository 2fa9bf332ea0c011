using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using HalOSwarm.Supervisor.Channels.Alerts;
using HalOSwarm.Supervisor.Channels.Delivery;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Channels.Webhooks;

/// <summary>
/// Delivers alerts to <c>webhook:NAME</c> targets: a signed JSON POST to <c>channels.webhooks.NAME.url</c>. 2xx is
/// delivered; 429 with <c>Retry-After</c> waits as asked; any other 4xx is permanent; 5xx, a network error or the
/// timeout (<c>channels.delivery.timeout_seconds</c>) is retried. Reasons name the status, never the URL or the secret.
/// </summary>
internal sealed class WebhookSender(IHttpClientFactory clients, IOptions<ChannelsOptions> options, TimeProvider timeProvider) : IChannelSender
{
    public const string HttpClientName = "channels.webhook";

    /// <summary>The most of a refusal's body kept in its reason.</summary>
    public const int MaxReasonBody = 200;

    public string Kind => ChannelKinds.Webhook;

    public TimeSpan MinInterval => TimeSpan.Zero;

    public bool Knows(string target) => options.Value.Webhooks.TryGetValue(target, out var webhook) && webhook.Url.Length > 0;

    /// <summary>Returns the post's delivery id as its message reference: an update names it in <c>post_delivery_id</c>.</summary>
    public async Task<string?> PostAsync(string target, Alert alert, CancellationToken cancellationToken)
    {
        var delivery = DeliveryContext.Current;
        await SendAsync(target, Body(delivery, DeliveryStates.Post, null, alert), delivery, cancellationToken);
        return delivery?.DeliveryId.ToString(CultureInfo.InvariantCulture);
    }

    public Task UpdateAsync(string target, string messageRef, Alert alert, CancellationToken cancellationToken)
    {
        var delivery = DeliveryContext.Current;
        long? post = long.TryParse(messageRef, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        return SendAsync(target, Body(delivery, DeliveryStates.Update, post, alert), delivery, cancellationToken);
    }

    private static byte[] Body(DeliveryContext? delivery, string op, long? postDeliveryId, Alert alert) =>
        JsonSerializer.SerializeToUtf8Bytes(new WebhookBody
        {
            DeliveryId = delivery?.DeliveryId ?? 0,
            AlertId = alert.AlertId,
            Op = op,
            PostDeliveryId = postDeliveryId,
            Alert = alert,
            Event = new WebhookEvent(alert.EventId, alert.EventType, alert.NodeId, alert.SessionId, alert.At),
        }, WebhookJsonContext.Default.WebhookBody);

    private async Task SendAsync(string target, byte[] body, DeliveryContext? delivery, CancellationToken cancellationToken)
    {
        if (!options.Value.Webhooks.TryGetValue(target, out var webhook))
        {
            throw new ChannelDeliveryException($"no webhook '{target}' in channels.webhooks", permanent: true);
        }
        var timestamp = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookHeaders.Delivery, (delivery?.DeliveryId ?? 0).ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookHeaders.Timestamp, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookHeaders.Signature, WebhookSignature.Sign(webhook.Secret, timestamp, body));
        var timeout = TimeSpan.FromSeconds(options.Value.Delivery.TimeoutSeconds);
        using var deadline = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ChannelDeliveryException($"the receiver did not answer within {timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException ex)
        {
            // The message can name the URL; the error kind is what an operator needs.
            throw new ChannelDeliveryException($"could not reach the receiver ({ex.HttpRequestError})");
        }
        using (response)
        {
            await CheckAsync(response, linked.Token);
        }
    }

    private async Task CheckAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (status is >= 200 and < 300)
        {
            return;
        }
        var reason = $"the receiver answered {status} {response.ReasonPhrase}".TrimEnd() + await ExcerptAsync(response, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            throw new ChannelDeliveryException(reason, retryAfter: RetryAfter(response));
        }
        throw new ChannelDeliveryException(reason, permanent: status is >= 300 and < 500 && status != 408);
    }

    /// <summary>The wait a 429 asks for (seconds or a date); null without one (the outbox's backoff then applies).</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is not { } header)
        {
            return null;
        }
        var wait = header.Delta ?? (header.Date is { } date ? date - timeProvider.GetUtcNow() : null);
        return wait is { } w ? TimeSpan.FromSeconds(Math.Clamp(w.TotalSeconds, 0, options.Value.Delivery.MaxBackoffSeconds)) : null;
    }

    private static async Task<string> ExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[MaxReasonBody * 4];
            var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            var text = Encoding.UTF8.GetString(buffer, 0, read).ReplaceLineEndings(" ").Trim();
            return text.Length == 0 ? "" : ": " + (text.Length <= MaxReasonBody ? text : text[..MaxReasonBody] + "…");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return "";
        }
    }
}
