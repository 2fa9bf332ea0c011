using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace HalOSwarm.Testing.FakeChat.Telegram;

/// <summary>
/// The Telegram Bot API on 127.0.0.1 with a free port: <c>POST /bot{token}/METHOD</c> with JSON bodies, answering the
/// real shapes (<c>{"ok":true,"result":…}</c>, errors with <c>error_code</c>, <c>description</c> and, on a 429,
/// <c>parameters.retry_after</c>; a wrong token is 401 Unauthorized). getUpdates long-polls as Telegram does (an offset
/// confirms every earlier update; <c>timeout</c> holds the request until an update arrives; a newer poll ends the
/// older with 409; a set webhook makes it 409). It records what the bot sent, edited and answered, and lets a test act
/// as a user: send a message or click a button (real Update payloads), inject a 429, or post an update to the
/// supervisor's webhook.
/// </summary>
public sealed partial class FakeTelegram : IAsyncDisposable
{
    public const string DefaultToken = "123456789:AAHt-fake_telegram_token_0123456789ab";

    private readonly Lock _lock = new();
    private WebApplication? _app;

    private FakeTelegram(string token) => Token = token;

    /// <summary>The only token accepted; any other is 401.</summary>
    public string Token { get; set; }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>What <c>channels.telegram.api_base_url</c> is set to (no trailing slash).</summary>
    public string ApiBaseUrl => BaseUrl.AbsoluteUri.TrimEnd('/');

    public FakeTelegramUser Bot { get; } = new(BotId, "hal_test_bot", "HAL");

    public const long BotId = 123456789;

    public static async Task<FakeTelegram> StartAsync(string token = DefaultToken, CancellationToken cancellationToken = default)
    {
        var server = new FakeTelegram(token);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/bot{token}/{method}", server.HandleAsync);
        app.MapGet("/bot{token}/{method}", server.HandleAsync);
        await app.StartAsync(cancellationToken);
        server._app = app;
        server.BaseUrl = new Uri(app.Urls.First() + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            _activePoll?.Cancel();
        }
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private static JsonObject UserJson(FakeTelegramUser user, bool isBot) => new()
    {
        ["id"] = user.Id,
        ["is_bot"] = isBot,
        ["first_name"] = user.FirstName,
        ["username"] = user.Username,
    };

    /// <summary>A chat as Telegram describes it: private chats carry the user's names, groups a title.</summary>
    private static JsonObject ChatJson(long chatId, FakeTelegramUser? user) => chatId > 0
        ? new JsonObject { ["id"] = chatId, ["first_name"] = user?.FirstName ?? "user", ["username"] = user?.Username ?? "user", ["type"] = "private" }
        : new JsonObject { ["id"] = chatId, ["title"] = "ops", ["type"] = chatId <= -1_000_000_000_000 ? "supergroup" : "group" };
}
