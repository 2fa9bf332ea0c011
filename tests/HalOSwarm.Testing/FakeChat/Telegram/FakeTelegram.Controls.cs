using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace HalOSwarm.Testing.FakeChat.Telegram;

/// <summary>What a test does as a Telegram user, and what it reads back.</summary>
public sealed partial class FakeTelegram
{
    private readonly List<(long Id, JsonObject Update)> _pending = [];
    private readonly List<JsonObject> _delivered = [];
    private readonly List<FakeTelegramMessage> _sent = [];
    private readonly List<FakeTelegramMessage> _edits = [];
    private readonly List<FakeTelegramCallbackAnswer> _answers = [];
    private readonly List<FakeTelegramCall> _calls = [];
    private readonly Dictionary<string, Queue<(int Status, int? RetryAfter)>> _failures = [];
    private readonly HashSet<string> _callbackIds = [];
    private readonly List<long> _pollOffsets = [];
    private long _nextUpdateId = 700_000_001;
    private long _nextCallbackId = 4_382_000_000_001;
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _activePoll;

    public IReadOnlyList<FakeTelegramMessage> Sent => Locked(() => _sent.ToList());

    public IReadOnlyList<FakeTelegramMessage> Edits => Locked(() => _edits.ToList());

    public IReadOnlyList<FakeTelegramCallbackAnswer> CallbackAnswers => Locked(() => _answers.ToList());

    public IReadOnlyList<FakeTelegramCall> Calls => Locked(() => _calls.ToList());

    /// <summary>The menu the last setMyCommands registered (command, description).</summary>
    public IReadOnlyList<(string Command, string Description)> Commands { get; private set; } = [];

    /// <summary>What setWebhook registered (null after deleteWebhook).</summary>
    public string? WebhookUrl { get; private set; }

    public string? WebhookSecret { get; private set; }

    /// <summary>The <c>offset</c> of every getUpdates as it arrived (0: none), before it is answered (a long poll may be held 25 s).</summary>
    public IReadOnlyList<long> PollOffsets => Locked(() => _pollOffsets.ToList());

    public int CallCount(string method) => Locked(() => _calls.Count(c => c.Method == method));

    /// <summary>The next calls of <paramref name="method"/> are refused with a 429 carrying retry_after <paramref name="retryAfterSeconds"/>, one per call.</summary>
    public void RateLimitNext(string method, int retryAfterSeconds, int times = 1) => FailNext(method, 429, retryAfterSeconds, times);

    public void FailNext(string method, int status, int? retryAfterSeconds = null, int times = 1)
    {
        lock (_lock)
        {
            if (!_failures.TryGetValue(method, out var queue))
            {
                _failures[method] = queue = new Queue<(int, int?)>();
            }
            for (var i = 0; i < times; i++)
            {
                queue.Enqueue((status, retryAfterSeconds));
            }
        }
    }

    /// <summary>A user writes <paramref name="text"/> in a chat (positive id: their private chat; negative: a group); queued for getUpdates.</summary>
    public long SendUserMessage(long chatId, FakeTelegramUser user, string text) => Enqueue(NewMessageUpdate(chatId, user, text));

    /// <summary>A user clicks the button carrying <paramref name="callbackData"/> on the bot's message; queued for getUpdates.</summary>
    public long Click(FakeTelegramUser user, FakeTelegramMessage message, string callbackData) => Enqueue(NewCallbackUpdate(user, message, callbackData));

    /// <summary>An Update with a message, as Telegram sends it (a command has its bot_command entity); not queued.</summary>
    public JsonObject NewMessageUpdate(long chatId, FakeTelegramUser user, string text)
    {
        var message = new JsonObject
        {
            ["message_id"] = NextMessageId(chatId),
            ["from"] = UserJson(user, isBot: false),
            ["chat"] = ChatJson(chatId, user),
            ["date"] = Now(),
            ["text"] = text,
        };
        if (text.StartsWith('/'))
        {
            var length = text.IndexOfAny([' ', '\n']) is var end and >= 0 ? end : text.Length;
            message["entities"] = new JsonArray(new JsonObject { ["offset"] = 0, ["length"] = length, ["type"] = "bot_command" });
        }
        return new JsonObject { ["update_id"] = NextUpdateId(), ["message"] = message };
    }

    /// <summary>An Update with a callback_query for a button of <paramref name="message"/>; its id is then valid for answerCallbackQuery. Not queued.</summary>
    public JsonObject NewCallbackUpdate(FakeTelegramUser user, FakeTelegramMessage message, string callbackData)
    {
        string id;
        lock (_lock)
        {
            id = (_nextCallbackId++).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _callbackIds.Add(id);
        }
        var shown = new JsonObject
        {
            ["message_id"] = message.MessageId,
            ["from"] = UserJson(Bot, isBot: true),
            ["chat"] = ChatJson(message.ChatId, user),
            ["date"] = Now(),
            ["text"] = message.PlainText,
        };
        if (message.ReplyMarkup is not null)
        {
            shown["reply_markup"] = message.ReplyMarkup.DeepClone();
        }
        return new JsonObject
        {
            ["update_id"] = NextUpdateId(),
            ["callback_query"] = new JsonObject
            {
                ["id"] = id,
                ["from"] = UserJson(user, isBot: false),
                ["message"] = shown,
                ["chat_instance"] = "-5823641029384756",
                ["data"] = callbackData,
            },
        };
    }

    /// <summary>
    /// Makes every update delivered so far pending again, as if Telegram never saw the offset that confirmed them (the
    /// supervisor stopped between handling an update and its next getUpdates): only the bot's own stored offset keeps it
    /// from handling them twice.
    /// </summary>
    public void ForgetConfirmations()
    {
        lock (_lock)
        {
            _pending.InsertRange(0, _delivered.Select(u => (u["update_id"]!.GetValue<long>(), u)));
            _delivered.Clear();
            _pending.Sort((a, b) => a.Id.CompareTo(b.Id));
        }
    }

    /// <summary>
    /// Posts <paramref name="update"/> to the supervisor's webhook as Telegram does: JSON, with the
    /// <c>X-Telegram-Bot-Api-Secret-Token</c> header when <paramref name="secret"/> is given.
    /// </summary>
    public static async Task<HttpStatusCode> PostToWebhookAsync(Uri webhook, JsonObject update, string? secret, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook)
        {
            Content = new StringContent(update.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        using var response = await http.SendAsync(request, cancellationToken);
        return response.StatusCode;
    }

    private long Enqueue(JsonObject update)
    {
        var id = update["update_id"]!.GetValue<long>();
        lock (_lock)
        {
            _pending.Add((id, update));
            _arrived.TrySetResult();
            _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        return id;
    }

    private long NextUpdateId()
    {
        lock (_lock)
        {
            return _nextUpdateId++;
        }
    }

    private T Locked<T>(Func<T> read)
    {
        lock (_lock)
        {
            return read();
        }
    }
}
