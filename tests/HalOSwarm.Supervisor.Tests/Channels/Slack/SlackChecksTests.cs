using HalOSwarm.Supervisor.Channels.Slack;

namespace HalOSwarm.Supervisor.Tests.Channels.Slack;

public sealed class SlackChecksTests
{
    private const string BotToken = "xoxb-1111111111-2222222222-abcdefabcdef";
    private const string AppToken = "xapp-1-A0123-3333333333-abcdefabcdef";

    private static List<string> Errors(SlackOptions options)
    {
        var errors = new List<string>();
        SlackChecks.Check(options, errors);
        return errors;
    }

    [Fact]
    public void Check_PlaceholderToken_NoErrorsAndNotConfiguredNote()
    {
        var options = new SlackOptions { BotToken = "your-slack-bot-token", Mode = "nonsense", Channels = { ["Bad Name"] = "x" } };
        var notes = new List<string>();

        SlackChecks.Notes(options, notes);

        Assert.Empty(Errors(options));
        Assert.Contains(notes, n => n.StartsWith("channels.slack.bot_token:", StringComparison.Ordinal) && n.Contains("not configured", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_GoodSocketAndHttpConfigs_NoErrors()
    {
        Assert.Empty(Errors(new SlackOptions { BotToken = BotToken, AppToken = AppToken, Channels = { ["ops"] = "C0123ABCD", ["dev_log-2"] = "G0123ABCDEF" } }));
        Assert.Empty(Errors(new SlackOptions { BotToken = BotToken, Mode = "http", SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5" }));
    }

    [Fact]
    public void Check_WrongTokens_ErrorsNameTheKeyWithoutTheSecret()
    {
        var errors = Errors(new SlackOptions { BotToken = "xoxp-9999999999-secretvalue", AppToken = "xoxb-8888888888-secretvalue" });

        Assert.Contains(errors, e => e.StartsWith("channels.slack.bot_token:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("channels.slack.app_token:", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("secretvalue", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_ModeWithoutItsCredential_ErrorForTheMissingKey()
    {
        Assert.Contains(Errors(new SlackOptions { BotToken = BotToken }), e => e.StartsWith("channels.slack.app_token: required", StringComparison.Ordinal));
        Assert.Contains(Errors(new SlackOptions { BotToken = BotToken, Mode = "http" }), e => e.StartsWith("channels.slack.signing_secret: required", StringComparison.Ordinal));
        Assert.Contains(Errors(new SlackOptions { BotToken = BotToken, AppToken = AppToken, Mode = "webhook" }), e => e.StartsWith("channels.slack.mode:", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_BadChannelsCommandAndBaseUrl_OneErrorPerKey()
    {
        var errors = Errors(new SlackOptions
        {
            BotToken = BotToken,
            AppToken = AppToken,
            Command = "hal",
            ApiBaseUrl = "https://user:pw@slack.example/api",
            Channels = { ["#ops"] = "C0123ABCD", ["dev"] = "general", [new string('a', 81)] = "C0123ABCD" },
        });

        Assert.Contains("channels.slack.channels.#ops: the name must be 1-80 lowercase letters, digits, - or _ (without #)", errors);
        Assert.Contains(errors, e => e.StartsWith("channels.slack.channels.dev: must be a channel id", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("channels.slack.channels." + new string('a', 81) + ": the name", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("channels.slack.command:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("channels.slack.api_base_url:", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("pw@", StringComparison.Ordinal));
    }
}
