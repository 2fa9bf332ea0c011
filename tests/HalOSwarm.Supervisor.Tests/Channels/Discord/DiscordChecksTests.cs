using HalOSwarm.Supervisor.Channels;
using HalOSwarm.Supervisor.Channels.Discord;

namespace HalOSwarm.Supervisor.Tests.Channels.Discord;

/// <summary>The checks of <c>channels.discord</c>: the seed's placeholders pass with a note; a real token makes the ids strict.</summary>
public sealed class DiscordChecksTests
{
    private const string Token = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GabcDE.secret-part-of-the-token";

    [Fact]
    public void Check_SeedPlaceholders_NoErrorsAndANote()
    {
        var options = new DiscordOptions
        {
            BotToken = "your-discord-bot-token",
            GuildId = "your-guild-id",
            Channels = new() { ["alerts"] = "channel-id-for-alerts", ["dev-log"] = "channel-id-for-dev-log" },
        };

        var errors = Errors(options);
        var notes = new List<string>();
        DiscordChecks.Notes(options, notes);

        Assert.Empty(errors);
        Assert.Contains(notes, n => n.StartsWith("channels.discord.bot_token: holds a placeholder", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_RealTokenWithBadValues_EveryErrorWithItsKeyAndNoToken()
    {
        var options = new DiscordOptions
        {
            BotToken = Token,
            ApplicationId = "123",
            GuildId = "your-guild-id",
            Mode = "http",
            PublicKey = "abc",
            Channels = new() { ["Alerts!"] = "1100000000000000003", ["ops"] = "channel-id-for-alerts" },
            ApiBaseUrl = "https://user:pw@discord.com/api/v10",
        };

        var errors = Errors(options);

        Assert.Contains(errors, e => e.StartsWith("channels.discord.application_id:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("channels.discord.guild_id:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("channels.discord.public_key:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("channels.discord.channels.Alerts!:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("channels.discord.channels.ops:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("channels.discord.api_base_url:", StringComparison.Ordinal));
        Assert.All(errors, e => Assert.DoesNotContain("secret-part", e, StringComparison.Ordinal));
    }

    [Fact]
    public void Check_RealTokenAndIds_NoErrors()
    {
        var options = new DiscordOptions
        {
            BotToken = Token,
            ApplicationId = "1100000000000000001",
            GuildId = "1100000000000000002",
            Mode = "gateway",
            Channels = new() { ["alerts"] = "1100000000000000003", ["dev-log"] = "11000000000000000004" },
            Roles = new() { ["1500000000000000001"] = "operator" },
        };

        Assert.Empty(Errors(options));
    }

    [Fact]
    public void Check_UnknownMode_Error()
    {
        var options = new DiscordOptions
        {
            BotToken = Token,
            ApplicationId = "1100000000000000001",
            GuildId = "1100000000000000002",
            Mode = "webhook",
        };

        Assert.Equal(["channels.discord.mode: 'webhook' is not a mode; use gateway or http"], Errors(options));
    }

    private static List<string> Errors(DiscordOptions options)
    {
        var result = new ChannelsOptionsValidator().Validate(null, new ChannelsOptions { Discord = options });
        return result.Failed ? [.. result.Failures!] : [];
    }
}
