using HalOSwarm.Supervisor.Channels;
using HalOSwarm.Supervisor.Channels.Telegram;

namespace HalOSwarm.Supervisor.Tests.Channels.Telegram;

public sealed class TelegramChecksTests
{
    private const string Token = "123456789:AAHt-fake_telegram_token_0123456789ab";

    [Fact]
    public void Check_PlaceholderToken_ValidWithANote()
    {
        var options = new ChannelsOptions { Telegram = new TelegramOptions { BotToken = "your-telegram-bot-token", Mode = "nonsense" } };

        var result = new ChannelsOptionsValidator().Validate(null, options);
        var notes = new List<string>();
        ChannelsOptionsValidator.Notes(options, notes);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Contains(notes, n => n.StartsWith("channels.telegram.bot_token: holds a placeholder", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_GoodPollingAndWebhookConfigs_Valid()
    {
        var polling = Options(t => t.Chats["ops"] = "-1001234567890");
        var webhook = Options(t =>
        {
            t.Mode = "webhook";
            t.WebhookSecret = "s3cret_Token-1";
            t.WebhookUrl = "https://hal.test.invalid/api/v1/channels/telegram/webhook";
            t.Chats["alice"] = "424242";
        });

        Assert.Empty(Errors(polling));
        Assert.Empty(Errors(webhook));
    }

    [Fact]
    public void Check_EveryBadKey_ErrorWithItsFullKeyAndNoSecret()
    {
        var options = Options(t =>
        {
            t.BotToken = "12345:short-secret-part";
            t.Mode = "webhook";
            t.WebhookSecret = "has spaces and ! marks";
            t.WebhookUrl = "http://hal.test.invalid/hook";
            t.Chats["Ops Room"] = "-100123";
            t.Chats["dev"] = "@devchannel";
            t.ApiBaseUrl = "ftp://api.telegram.org";
        });

        var errors = Errors(options);

        Assert.Equal(
        [
            "channels.telegram.api_base_url",
            "channels.telegram.bot_token",
            "channels.telegram.chats.Ops Room",
            "channels.telegram.chats.dev",
            "channels.telegram.webhook_secret",
            "channels.telegram.webhook_url",
        ], errors.Select(e => e[..e.IndexOf(':', StringComparison.Ordinal)]).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("short-secret-part", StringComparison.Ordinal) || e.Contains("has spaces", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_UnknownMode_Error()
    {
        Assert.Equal(["channels.telegram.mode: 'push' is not polling or webhook"], Errors(Options(t => t.Mode = "push")));
    }

    private static ChannelsOptions Options(Action<TelegramOptions> configure)
    {
        var telegram = new TelegramOptions { BotToken = Token };
        configure(telegram);
        return new ChannelsOptions { Telegram = telegram };
    }

    private static List<string> Errors(ChannelsOptions options)
    {
        var errors = new List<string>();
        TelegramChecks.Check(options.Telegram, errors);
        return errors;
    }
}
