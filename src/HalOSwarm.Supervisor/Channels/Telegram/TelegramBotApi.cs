using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Channels.Telegram;

/// <summary>
/// A thin typed client of the Bot API: each method is a JSON POST to <c>{api_base_url}/bot{token}/METHOD</c> answering
/// <see cref="TelegramResponse{T}"/>. The URL holds the token, so the named HTTP client logs nothing and every failure
/// becomes a <see cref="TelegramApiException"/> whose text is scrubbed of the token.
/// </summary>
internal sealed class TelegramBotApi(IHttpClientFactory httpClients, IOptions<ChannelsOptions> options, TimeProvider timeProvider)
{
    public const string HttpClientName = "telegram";
    public const int MaxResponseBytes = 8 * 1024 * 1024;

    public static readonly IReadOnlyList<string> AllowedUpdates = ["message", "callback_query"];

    private static readonly TimeSpan s_callTimeout = TimeSpan.FromSeconds(30);
    private static readonly MediaTypeHeaderValue s_json = new("application/json") { CharSet = "utf-8" };

    private TelegramOptions Options => options.Value.Telegram;

    public Task<TelegramUser?> GetMeAsync(CancellationToken cancellationToken) =>
        CallAsync("getMe", new EmptyRequest(), TelegramJsonContext.Default.EmptyRequest, TelegramJsonContext.Default.TelegramResponseTelegramUser, s_callTimeout, cancellationToken);

    /// <summary>Long polling: holds up to <paramref name="timeoutSeconds"/> until an update arrives.</summary>
    public async Task<IReadOnlyList<TelegramUpdate>> GetUpdatesAsync(long offset, int timeoutSeconds, CancellationToken cancellationToken) =>
        await CallAsync("getUpdates", new GetUpdatesRequest(offset > 0 ? offset : null, timeoutSeconds, AllowedUpdates),
            TelegramJsonContext.Default.GetUpdatesRequest, TelegramJsonContext.Default.TelegramResponseListTelegramUpdate,
            TimeSpan.FromSeconds(timeoutSeconds) + s_callTimeout, cancellationToken) ?? [];

    public async Task<TelegramMessage> SendMessageAsync(SendMessageRequest request, CancellationToken cancellationToken) =>
        await CallAsync("sendMessage", request, TelegramJsonContext.Default.SendMessageRequest, TelegramJsonContext.Default.TelegramResponseTelegramMessage,
            s_callTimeout, cancellationToken) ?? throw new TelegramApiException("sendMessage", 0, "the answer carried no message");

    /// <summary>Replaces a message's text and keyboard; an edit to what it already shows counts as done.</summary>
    public async Task EditMessageTextAsync(EditMessageTextRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await CallAsync("editMessageText", request, TelegramJsonContext.Default.EditMessageTextRequest, TelegramJsonContext.Default.TelegramResponseJsonElement,
                s_callTimeout, cancellationToken);
        }
        catch (TelegramApiException ex) when (ex.NotModified)
        {
        }
    }

    public Task AnswerCallbackQueryAsync(string callbackQueryId, string? text, CancellationToken cancellationToken) =>
        CallAsync("answerCallbackQuery", new AnswerCallbackQueryRequest(callbackQueryId, text), TelegramJsonContext.Default.AnswerCallbackQueryRequest,
            TelegramJsonContext.Default.TelegramResponseJsonElement, s_callTimeout, cancellationToken);

    public Task SetMyCommandsAsync(IReadOnlyList<TelegramBotCommand> commands, CancellationToken cancellationToken) =>
        CallAsync("setMyCommands", new SetMyCommandsRequest(commands), TelegramJsonContext.Default.SetMyCommandsRequest,
            TelegramJsonContext.Default.TelegramResponseJsonElement, s_callTimeout, cancellationToken);

    public Task SetWebhookAsync(string url, string secretToken, CancellationToken cancellationToken) =>
        CallAsync("setWebhook", new SetWebhookRequest(url, secretToken, AllowedUpdates), TelegramJsonContext.Default.SetWebhookRequest,
            TelegramJsonContext.Default.TelegramResponseJsonElement, s_callTimeout, cancellationToken);

    /// <summary>Leaves pending updates in place: polling picks them up.</summary>
    public Task DeleteWebhookAsync(CancellationToken cancellationToken) =>
        CallAsync("deleteWebhook", new DeleteWebhookRequest(false), TelegramJsonContext.Default.DeleteWebhookRequest,
            TelegramJsonContext.Default.TelegramResponseJsonElement, s_callTimeout, cancellationToken);

    private async Task<TResult?> CallAsync<TRequest, TResult>(string method, TRequest body, JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TelegramResponse<TResult>> responseType, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var token = Options.BotToken;
        using var deadline = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var http = httpClients.CreateClient(HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{Options.ApiBaseUrl.TrimEnd('/')}/bot{token}/{method}"));
        request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, requestType));
        request.Content.Headers.ContentType = s_json;
        TelegramResponse<TResult>? answer;
        int status;
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
            status = (int)response.StatusCode;
            var bytes = await response.Content.ReadAsByteArrayAsync(linked.Token);
            answer = TryParse(bytes, responseType);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException ex)
        {
            throw new TelegramApiException(method, 0, $"no answer within {timeout.TotalSeconds:0} s", inner: Scrubbed(ex, token));
        }
        catch (HttpRequestException ex)
        {
            throw new TelegramApiException(method, 0, Scrub(ex.Message, token), inner: Scrubbed(ex, token));
        }
        if (answer is null)
        {
            throw new TelegramApiException(method, status, "the answer is not the Bot API's JSON");
        }
        if (!answer.Ok)
        {
            var retryAfter = answer.Parameters?.RetryAfter is { } seconds ? TimeSpan.FromSeconds(Math.Max(1, seconds)) : (TimeSpan?)null;
            throw new TelegramApiException(method, answer.ErrorCode ?? status, Scrub(answer.Description ?? "refused", token), retryAfter);
        }
        return answer.Result;
    }

    private static TelegramResponse<TResult>? TryParse<TResult>(byte[] bytes, JsonTypeInfo<TelegramResponse<TResult>> type)
    {
        try
        {
            return JsonSerializer.Deserialize(bytes, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The text with every occurrence of the token (or its secret half) replaced.</summary>
    public static string Scrub(string text, string token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return text;
        }
        var scrubbed = text.Replace(token, "<bot-token>", StringComparison.Ordinal);
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon < token.Length - 1
            ? scrubbed.Replace(token[(colon + 1)..], "<bot-token>", StringComparison.Ordinal)
            : scrubbed;
    }

    /// <summary>An inner exception that keeps the type and a scrubbed message, never the original (whose text might hold the URL).</summary>
    private static InvalidOperationException Scrubbed(Exception ex, string token) =>
        new(new StringBuilder(ex.GetType().Name).Append(": ").Append(Scrub(ex.Message, token)).ToString());
}
