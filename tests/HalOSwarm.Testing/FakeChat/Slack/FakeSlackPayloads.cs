using System.Globalization;
using System.Text.Json.Nodes;

namespace HalOSwarm.Testing.FakeChat.Slack;

/// <summary>
/// What Slack sends when a user runs a slash command or clicks a button, field for field as Slack writes them: the
/// slash command's form fields (Socket Mode puts the same names in the envelope's payload) and a <c>block_actions</c>
/// interactive payload.
/// </summary>
public static class FakeSlackPayloads
{
    public const string TeamId = "T0FAKE0001";
    public const string AppId = "A0FAKE0001";

    public static Dictionary<string, string> SlashCommand(string command, string text, string userId, string channelId, string responseUrl) => new()
    {
        ["token"] = "gIkuvaNzQIHg97ATvDxqgjtO",
        ["team_id"] = TeamId,
        ["team_domain"] = "hal-test",
        ["channel_id"] = channelId,
        ["channel_name"] = "ops",
        ["user_id"] = userId,
        ["user_name"] = "alice",
        ["command"] = command,
        ["text"] = text,
        ["api_app_id"] = AppId,
        ["is_enterprise_install"] = "false",
        ["response_url"] = responseUrl,
        ["trigger_id"] = "13345224609.738474920.8088930838d88f008e0",
    };

    /// <summary>The form body of <paramref name="fields"/> (application/x-www-form-urlencoded, as Slack encodes it).</summary>
    public static string Form(IReadOnlyDictionary<string, string> fields) =>
        string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value).Replace("%20", "+", StringComparison.Ordinal)));

    public static JsonObject SlashCommandJson(IReadOnlyDictionary<string, string> fields)
    {
        var json = new JsonObject();
        foreach (var (key, value) in fields)
        {
            json[key] = value;
        }
        return json;
    }

    /// <summary>A <c>block_actions</c> payload: <paramref name="userId"/> clicked the button <paramref name="actionId"/> on message <paramref name="messageTs"/>.</summary>
    public static JsonObject BlockActions(string userId, string channelId, string messageTs, string actionId, string? value, string responseUrl) => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = userId, ["username"] = "alice", ["name"] = "alice", ["team_id"] = TeamId },
        ["api_app_id"] = AppId,
        ["token"] = "9s8d9as89d8as9d8as989",
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = channelId, ["is_ephemeral"] = false },
        ["trigger_id"] = "12466734323.1395872398.7d4c3b0a9a6c4d1e",
        ["team"] = new JsonObject { ["id"] = TeamId, ["domain"] = "hal-test" },
        ["enterprise"] = null,
        ["is_enterprise_install"] = false,
        ["channel"] = new JsonObject { ["id"] = channelId, ["name"] = "ops" },
        ["message"] = new JsonObject { ["type"] = "message", ["ts"] = messageTs, ["bot_id"] = "B0FAKE0001", ["text"] = "alert" },
        ["state"] = new JsonObject { ["values"] = new JsonObject() },
        ["response_url"] = responseUrl,
        ["actions"] = new JsonArray
        {
            new JsonObject
            {
                ["action_id"] = actionId,
                ["block_id"] = "hal-actions",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Button", ["emoji"] = true },
                ["value"] = value,
                ["type"] = "button",
                ["action_ts"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + ".000100",
            },
        },
    };
}
