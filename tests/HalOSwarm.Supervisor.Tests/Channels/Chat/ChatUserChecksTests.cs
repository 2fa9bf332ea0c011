using HalOSwarm.Supervisor.Channels;
using HalOSwarm.Supervisor.Channels.Chat;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Tests.Channels.Chat;

/// <summary><c>channels.users</c> and <c>channels.discord.roles</c>: what the validator refuses, and the roles callers get.</summary>
public sealed class ChatUserChecksTests
{
    private static IReadOnlyList<string> Errors(ChannelsOptions options)
    {
        var result = new ChannelsOptionsValidator().Validate(null, options);
        return result.Failed ? [.. result.Failures] : [];
    }

    private static ChatUserOptions User(string name, string role, string discord = "", string slack = "", string telegram = "") =>
        new() { Name = name, Role = role, Discord = discord, Slack = slack, Telegram = telegram };

    [Fact]
    public void Check_GoodUsersAndRoleMap_NoErrors()
    {
        var options = new ChannelsOptions
        {
            Users = [User("alice", "operator", discord: "123456789012345678", slack: "U024BE7LH", telegram: "12345678"), User("bob", "admin", slack: "W0123ABCD")],
        };
        options.Discord.Roles["223456789012345678"] = "viewer";

        Assert.Empty(Errors(options));
    }

    [Fact]
    public void Check_BadRolesIdsNamesAndDuplicates_EachWithItsFullKey()
    {
        var options = new ChannelsOptions
        {
            Users =
            [
                User("alice", "operator", slack: "U024BE7LH"),
                User("", "root", discord: "12345", slack: "u024be7lh", telegram: "-5"),
                User("carol", "viewer"),
                User("dave", "viewer", slack: "U024BE7LH"),
            ],
        };
        options.Discord.Roles["ops"] = "superuser";

        Assert.Equal(
        [
            "channels.users[1].name: is required: 1-64 characters without control characters (shown in replies and alerts)",
            "channels.users[1].role: must be one of viewer, operator, admin (was 'root')",
            "channels.users[1].discord: must be a Discord user id (17-20 digits; Developer Mode, Copy User ID) (was '12345')",
            "channels.users[1].slack: must be a Slack user id (U or W then 2-20 capital letters and digits, e.g. U024BE7LH) (was 'u024be7lh')",
            "channels.users[1].telegram: must be a Telegram user id (a positive whole number, e.g. 123456789) (was '-5')",
            "channels.users[2]: names no chat id: set discord, slack or telegram (the id of the user on that platform)",
            "channels.users[3].slack: U024BE7LH is listed already in channels.users[0]; one entry per person",
            "channels.discord.roles.ops: the key must be a Discord role id (17-20 digits)",
            "channels.discord.roles.ops: must be one of viewer, operator, admin (was 'superuser')",
        ], Errors(options));
    }

    [Fact]
    public void Resolve_DiscordRolesAndEntry_HighestWinsAndOthersHaveNone()
    {
        var options = new ChannelsOptions { Users = [User("dora", "viewer", discord: "123456789012345678")] };
        options.Discord.Roles["223456789012345678"] = "operator";
        options.Discord.Roles["323456789012345678"] = "admin";
        var access = new ChatAccess(new StaticOptions(options));

        var dora = access.Resolve(new ChatCaller("discord", "123456789012345678", "d", ["223456789012345678"], null));
        var admin = access.Resolve(new ChatCaller("discord", "423456789012345678", "eve", ["223456789012345678", "323456789012345678"], null));
        var plain = access.Resolve(new ChatCaller("discord", "523456789012345678", null, ["999"], null));
        var sameIdOnSlack = access.Resolve(new ChatCaller("slack", "123456789012345678", "x", ["323456789012345678"], null));

        Assert.Equal(new ChatIdentity("operator", "dora"), dora);
        Assert.Equal(new ChatIdentity("admin", "eve"), admin);
        Assert.Equal(new ChatIdentity(null, "523456789012345678"), plain);
        Assert.Null(sameIdOnSlack.Role);
    }

    private sealed class StaticOptions(ChannelsOptions value) : IOptionsMonitor<ChannelsOptions>
    {
        public ChannelsOptions CurrentValue => value;

        public ChannelsOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<ChannelsOptions, string?> listener) => null;
    }
}
