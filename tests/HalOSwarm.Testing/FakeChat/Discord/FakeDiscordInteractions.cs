using System.Globalization;
using System.Text.Json.Nodes;

namespace HalOSwarm.Testing.FakeChat.Discord;

/// <summary>
/// Interactions as Discord sends them (Gateway INTERACTION_CREATE <c>d</c>, or the HTTP endpoint's body): a user's slash
/// command, an autocomplete, a button click on a message, and PING — with guild member, user, roles, channel, a fresh
/// interaction id and token.
/// </summary>
public static class FakeDiscordInteractions
{
    public const string AliceId = "1300000000000000001";
    private static long s_next = 1400000000000000000;

    /// <summary>Slash command <paramref name="name"/> with named options (strings stay strings, ints become type 4).</summary>
    public static JsonObject SlashCommand(string name, IReadOnlyDictionary<string, object>? options = null, string userId = AliceId,
        IReadOnlyList<string>? roles = null, string channelId = FakeDiscordServer.AlertsChannelId)
    {
        var data = new JsonObject { ["id"] = NextId(), ["name"] = name, ["type"] = 1, ["guild_id"] = FakeDiscordServer.GuildId, ["options"] = Options(options, null) };
        return Interaction(2, data, userId, roles, channelId);
    }

    /// <summary>The user typing <paramref name="value"/> into option <paramref name="focused"/> of <paramref name="name"/>.</summary>
    public static JsonObject Autocomplete(string name, string focused, string value, string userId = AliceId)
    {
        var options = new Dictionary<string, object> { [focused] = value };
        var data = new JsonObject { ["id"] = NextId(), ["name"] = name, ["type"] = 1, ["options"] = Options(options, focused) };
        return Interaction(4, data, userId, null, FakeDiscordServer.AlertsChannelId);
    }

    /// <summary>A click on the button <paramref name="customId"/> of message <paramref name="messageId"/>.</summary>
    public static JsonObject ButtonClick(string customId, string messageId, string userId = AliceId, IReadOnlyList<string>? roles = null,
        string channelId = FakeDiscordServer.AlertsChannelId)
    {
        var interaction = Interaction(3, new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 }, userId, roles, channelId);
        interaction["message"] = new JsonObject
        {
            ["id"] = messageId,
            ["channel_id"] = channelId,
            ["type"] = 0,
            ["author"] = new JsonObject { ["id"] = FakeDiscordServer.BotUserId, ["username"] = "hal", ["bot"] = true },
            ["content"] = "",
            ["embeds"] = new JsonArray(),
            ["components"] = new JsonArray(),
        };
        return interaction;
    }

    public static JsonObject Ping() => new()
    {
        ["id"] = NextId(),
        ["application_id"] = FakeDiscordServer.ApplicationId,
        ["type"] = 1,
        ["token"] = "ping-" + NextId(),
        ["version"] = 1,
        ["user"] = null,
    };

    private static JsonObject Interaction(int type, JsonObject data, string userId, IReadOnlyList<string>? roles, string channelId)
    {
        var id = NextId();
        return new JsonObject
        {
            ["id"] = id,
            ["application_id"] = FakeDiscordServer.ApplicationId,
            ["type"] = type,
            ["data"] = data,
            ["guild_id"] = FakeDiscordServer.GuildId,
            ["channel_id"] = channelId,
            ["channel"] = new JsonObject { ["id"] = channelId, ["type"] = 0, ["guild_id"] = FakeDiscordServer.GuildId, ["name"] = "alerts" },
            ["member"] = new JsonObject
            {
                ["user"] = new JsonObject
                {
                    ["id"] = userId,
                    ["username"] = userId == AliceId ? "alice" : "user" + userId[^4..],
                    ["global_name"] = userId == AliceId ? "Alice" : null,
                    ["discriminator"] = "0",
                    ["avatar"] = null,
                },
                ["roles"] = new JsonArray([.. (roles ?? []).Select(r => (JsonNode)JsonValue.Create(r))]),
                ["nick"] = null,
                ["permissions"] = "2248473465835073",
                ["joined_at"] = "2026-01-01T00:00:00.000000+00:00",
                ["deaf"] = false,
                ["mute"] = false,
            },
            ["token"] = "aW50ZXJhY3Rpb246" + id + ":fakeinteractiontoken",
            ["version"] = 1,
            ["locale"] = "en-US",
            ["guild_locale"] = "en-US",
            ["app_permissions"] = "2248473465835073",
            ["entitlements"] = new JsonArray(),
            ["authorizing_integration_owners"] = new JsonObject { ["0"] = FakeDiscordServer.GuildId },
            ["context"] = 0,
        };
    }

    private static JsonArray Options(IReadOnlyDictionary<string, object>? options, string? focused)
    {
        var array = new JsonArray();
        foreach (var (name, value) in options ?? new Dictionary<string, object>())
        {
            var option = value is int number
                ? new JsonObject { ["name"] = name, ["type"] = 4, ["value"] = number }
                : new JsonObject { ["name"] = name, ["type"] = 3, ["value"] = Convert.ToString(value, CultureInfo.InvariantCulture) };
            if (name == focused)
            {
                option["focused"] = true;
            }
            array.Add(option);
        }
        return array;
    }

    private static string NextId() => Interlocked.Increment(ref s_next).ToString(CultureInfo.InvariantCulture);
}
