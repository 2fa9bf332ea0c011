using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace HalOSwarm.Testing.FakeChat.Telegram;

/// <summary>The Bot API methods the fake serves, with Telegram's checks and answers.</summary>
public sealed partial class FakeTelegram
{
    private readonly Dictionary<(long Chat, long Message), FakeTelegramMessage> _messages = [];
    private readonly Dictionary<long, long> _lastMessageId = [];

    private async Task HandleAsync(HttpContext context, string token, string method)
    {
        JsonObject body;
        try
        {
            body = await ReadBodyAsync(context.Request);
        }
        catch (JsonException)
        {
            await AnswerAsync(context, method, new JsonObject(), Error(400, "Bad Request: can't parse JSON object"));
            return;
        }
        if (token != Token)
        {
            await AnswerAsync(context, method, body, Error(401, "Unauthorized"));
            return;
        }
        (int, int?)? failure = null;
        lock (_lock)
        {
            if (_failures.TryGetValue(method, out var queue) && queue.Count > 0)
            {
                failure = queue.Dequeue();
            }
        }
        if (failure is var (status, retryAfter))
        {
            await AnswerAsync(context, method, body, status == 429
                ? Error(429, $"Too Many Requests: retry after {retryAfter ?? 1}", retryAfter ?? 1)
                : Error(status, status >= 500 ? "Internal Server Error" : "Bad Request: scripted failure"));
            return;
        }
        var answer = method switch
        {
            "getMe" => Ok(UserJson(Bot, isBot: true)),
            "getUpdates" => await GetUpdatesAsync(body, context.RequestAborted),
            "sendMessage" => SendMessage(body),
            "editMessageText" => EditMessageText(body),
            "answerCallbackQuery" => AnswerCallbackQuery(body),
            "setMyCommands" => SetMyCommands(body),
            "setWebhook" => SetWebhook(body),
            "deleteWebhook" => DeleteWebhook(),
            _ => Error(404, "Not Found"),
        };
        await AnswerAsync(context, method, body, answer);
    }

    private async Task<(int, JsonObject)> GetUpdatesAsync(JsonObject body, CancellationToken aborted)
    {
        var offset = Long(body, "offset");
        var timeout = Math.Clamp((int)Long(body, "timeout"), 0, 50);
        var limit = Math.Clamp(Long(body, "limit") is var l and > 0 ? (int)l : 100, 1, 100);
        var allowed = body["allowed_updates"]?.AsArray().Select(a => a!.GetValue<string>()).ToHashSet();
        using var mine = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        lock (_lock)
        {
            if (WebhookUrl is not null)
            {
                return Error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
            }
            _pollOffsets.Add(offset);
            _activePoll?.Cancel(); // Telegram serves one poll per bot: the older one ends with 409
            _activePoll = mine;
            if (offset > 0)
            {
                var confirmed = _pending.Where(p => p.Id < offset).ToList();
                _pending.RemoveAll(p => p.Id < offset);
                _delivered.AddRange(confirmed.Select(p => p.Update));
            }
        }
        var deadline = DateTime.UtcNow.AddSeconds(timeout);
        try
        {
            return await WaitForUpdatesAsync(allowed, limit, deadline, mine, aborted);
        }
        finally
        {
            lock (_lock)
            {
                _activePoll = _activePoll == mine ? null : _activePoll;
            }
        }
    }

    private async Task<(int, JsonObject)> WaitForUpdatesAsync(HashSet<string>? allowed, int limit, DateTime deadline, CancellationTokenSource mine,
        CancellationToken aborted)
    {
        while (true)
        {
            Task arrived;
            lock (_lock)
            {
                var ready = _pending
                    .Where(p => allowed is null || allowed.Count == 0 || p.Update.Any(kv => allowed.Contains(kv.Key)))
                    .Take(limit).Select(p => p.Update.DeepClone()).ToArray();
                if (ready.Length > 0 || DateTime.UtcNow >= deadline)
                {
                    return Ok(new JsonArray(ready));
                }
                arrived = _arrived.Task;
            }
            try
            {
                await arrived.WaitAsync(Max(deadline - DateTime.UtcNow, TimeSpan.Zero), mine.Token);
            }
            catch (TimeoutException)
            {
            }
            catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
            {
                return Error(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
            }
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private (int, JsonObject) SendMessage(JsonObject body)
    {
        var chatId = Long(body, "chat_id");
        if (chatId == 0)
        {
            return Error(400, "Bad Request: chat not found");
        }
        if (CheckText(body, out var html, out var plain) is { } refused)
        {
            return refused;
        }
        if (CheckMarkup(body["reply_markup"]) is { } badMarkup)
        {
            return badMarkup;
        }
        var message = new FakeTelegramMessage(chatId, NextMessageId(chatId), html, plain, body["reply_markup"]?.DeepClone());
        lock (_lock)
        {
            _messages[(chatId, message.MessageId)] = message;
            _sent.Add(message);
        }
        return Ok(MessageJson(message, edited: false));
    }

    private (int, JsonObject) EditMessageText(JsonObject body)
    {
        var chatId = Long(body, "chat_id");
        var messageId = Long(body, "message_id");
        if (CheckText(body, out var html, out var plain) is { } refused)
        {
            return refused;
        }
        if (CheckMarkup(body["reply_markup"]) is { } badMarkup)
        {
            return badMarkup;
        }
        lock (_lock)
        {
            if (!_messages.TryGetValue((chatId, messageId), out var current))
            {
                return Error(400, "Bad Request: message to edit not found");
            }
            var markup = body["reply_markup"]?.DeepClone();
            if (current.Html == html && JsonNode.DeepEquals(current.ReplyMarkup, markup))
            {
                return Error(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
            }
            var edited = current with { Html = html, PlainText = plain, ReplyMarkup = markup };
            _messages[(chatId, messageId)] = edited;
            _edits.Add(edited);
            return Ok(MessageJson(edited, edited: true));
        }
    }

    private (int, JsonObject) AnswerCallbackQuery(JsonObject body)
    {
        var id = body["callback_query_id"]?.GetValue<string>() ?? "";
        var text = body["text"]?.GetValue<string>();
        lock (_lock)
        {
            if (!_callbackIds.Remove(id))
            {
                return Error(400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
            }
            if (text is { Length: > 200 })
            {
                return Error(400, "Bad Request: MESSAGE_TOO_LONG");
            }
            _answers.Add(new FakeTelegramCallbackAnswer(id, text));
        }
        return Ok(true);
    }

    private (int, JsonObject) SetMyCommands(JsonObject body)
    {
        var commands = new List<(string, string)>();
        foreach (var item in body["commands"]?.AsArray() ?? [])
        {
            var command = item?["command"]?.GetValue<string>() ?? "";
            var description = item?["description"]?.GetValue<string>() ?? "";
            if (command.Length is 0 or > 32 || !command.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_')
                || description.Length is 0 or > 256)
            {
                return Error(400, "Bad Request: BOT_COMMAND_INVALID");
            }
            commands.Add((command, description));
        }
        Commands = commands;
        return Ok(true);
    }

    private (int, JsonObject) SetWebhook(JsonObject body)
    {
        var url = body["url"]?.GetValue<string>() ?? "";
        var secret = body["secret_token"]?.GetValue<string>();
        if (url.Length > 0 && !url.StartsWith("https://", StringComparison.Ordinal))
        {
            return Error(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
        }
        if (secret is not null && (secret.Length is 0 or > 256 || !secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')))
        {
            return Error(400, "Bad Request: bad webhook: secret token contains unallowed characters");
        }
        lock (_lock)
        {
            WebhookUrl = url.Length == 0 ? null : url;
            WebhookSecret = url.Length == 0 ? null : secret;
            _activePoll?.Cancel();
        }
        return Ok(true, "Webhook was set");
    }

    private (int, JsonObject) DeleteWebhook()
    {
        lock (_lock)
        {
            var had = WebhookUrl is not null;
            WebhookUrl = null;
            WebhookSecret = null;
            return Ok(true, had ? "Webhook was deleted" : "Webhook is already deleted");
        }
    }

    private static (int, JsonObject)? CheckText(JsonObject body, out string html, out string plain)
    {
        html = body["text"]?.GetValue<string>() ?? "";
        plain = html;
        var mode = body["parse_mode"]?.GetValue<string>();
        if (string.Equals(mode, "HTML", StringComparison.OrdinalIgnoreCase) && FakeTelegramHtml.Parse(html, out plain) is { } error)
        {
            return Error(400, error);
        }
        if (plain.Trim().Length == 0)
        {
            return Error(400, "Bad Request: message text is empty");
        }
        return plain.Length > 4096 ? Error(400, "Bad Request: message is too long") : null;
    }

    private static (int, JsonObject)? CheckMarkup(JsonNode? markup)
    {
        foreach (var button in markup?["inline_keyboard"]?.AsArray().SelectMany(r => r!.AsArray()) ?? [])
        {
            var data = button?["callback_data"]?.GetValue<string>();
            var url = button?["url"]?.GetValue<string>();
            if ((data is null) == (url is null) || string.IsNullOrEmpty(button?["text"]?.GetValue<string>()))
            {
                return Error(400, "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
            }
            if (data is not null && Encoding.UTF8.GetByteCount(data) is 0 or > 64)
            {
                return Error(400, "Bad Request: BUTTON_DATA_INVALID");
            }
        }
        return null;
    }

    private JsonObject MessageJson(FakeTelegramMessage message, bool edited)
    {
        var json = new JsonObject
        {
            ["message_id"] = message.MessageId,
            ["from"] = UserJson(Bot, isBot: true),
            ["chat"] = ChatJson(message.ChatId, null),
            ["date"] = Now(),
            ["text"] = message.PlainText,
        };
        if (edited)
        {
            json["edit_date"] = Now();
        }
        if (message.ReplyMarkup is not null)
        {
            json["reply_markup"] = message.ReplyMarkup.DeepClone();
        }
        return json;
    }

    private long NextMessageId(long chatId)
    {
        lock (_lock)
        {
            var next = _lastMessageId.GetValueOrDefault(chatId) + 1;
            _lastMessageId[chatId] = next;
            return next;
        }
    }

    private static (int, JsonObject) Ok(JsonNode result, string? description = null)
    {
        var json = new JsonObject { ["ok"] = true, ["result"] = result };
        if (description is not null)
        {
            json["description"] = description;
        }
        return (200, json);
    }

    private static (int, JsonObject) Error(int code, string description, int? retryAfter = null)
    {
        var json = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (retryAfter is { } seconds)
        {
            json["parameters"] = new JsonObject { ["retry_after"] = seconds };
        }
        return (code, json);
    }

    private async Task AnswerAsync(HttpContext context, string method, JsonObject body, (int Status, JsonObject Json) answer)
    {
        lock (_lock)
        {
            _calls.Add(new FakeTelegramCall(method, answer.Status, body));
        }
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.Json.ToJsonString(), Encoding.UTF8);
    }

    private static async Task<JsonObject> ReadBodyAsync(HttpRequest request)
    {
        var body = new JsonObject();
        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            body = await JsonNode.ParseAsync(request.Body) as JsonObject ?? throw new JsonException("not an object");
        }
        foreach (var (key, value) in request.Query)
        {
            body[key] = value.ToString();
        }
        return body;
    }

    private static long Long(JsonObject body, string name) => body[name] switch
    {
        JsonValue value when value.TryGetValue<long>(out var number) => number,
        JsonValue value when value.TryGetValue<string>(out var text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => 0,
    };
}
