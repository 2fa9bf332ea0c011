using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HalOSwarm.Supervisor.Api;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Channels.Telegram;

/// <summary>
/// <c>POST /api/v1/channels/telegram/webhook</c>, where Telegram posts updates in <c>mode: webhook</c>. It takes no
/// bearer token: the <c>X-Telegram-Bot-Api-Secret-Token</c> header must equal <c>webhook_secret</c> (compared in
/// constant time), else 401 and nothing is read. A body over <see cref="MaxBodyBytes"/> is 413, one that is not an
/// Update 400; an accepted update is queued and answered 200 at once (Telegram waits for no command to finish).
/// </summary>
internal static class TelegramWebhook
{
    public const string Path = "/api/v1/channels/telegram/webhook";
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";
    public const int MaxBodyBytes = 256 * 1024;

    public static async Task<IResult> HandleAsync(HttpContext context, IOptions<ChannelsOptions> options, TelegramWebhookInbox inbox)
    {
        var telegram = options.Value.Telegram;
        if (!TelegramChecks.IsConfigured(telegram) || telegram.Mode != TelegramModes.Webhook)
        {
            return ApiErrors.NotFound("Telegram is not configured in webhook mode (channels.telegram.mode)");
        }
        if (!SecretMatches(context.Request.Headers[SecretHeader].ToString(), telegram.WebhookSecret))
        {
            return ApiErrors.Error(StatusCodes.Status401Unauthorized, $"missing or wrong {SecretHeader} header", "unauthorized");
        }
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return ApiErrors.TooLarge($"a Telegram update is at most {MaxBodyBytes} bytes");
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxBodyBytes;
        }
        TelegramUpdate? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync(context.Request.Body, TelegramJsonContext.Default.TelegramUpdate, context.RequestAborted);
        }
        catch (JsonException)
        {
            return ApiErrors.BadRequest("the body is not a Telegram Update");
        }
        catch (BadHttpRequestException)
        {
            return ApiErrors.TooLarge($"a Telegram update is at most {MaxBodyBytes} bytes");
        }
        if (update is not { UpdateId: > 0 })
        {
            return ApiErrors.BadRequest("the body is not a Telegram Update (update_id missing)");
        }
        return inbox.TryAdd(update)
            ? TypedResults.Ok()
            : TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>Compares hashes of both, so neither the content nor the length of the secret leaks through timing.</summary>
    public static bool SecretMatches(string given, string expected)
    {
        if (given.Length == 0 || expected.Length == 0)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }
}
