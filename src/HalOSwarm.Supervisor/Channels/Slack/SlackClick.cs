using System.Text.Json;

namespace HalOSwarm.Supervisor.Channels.Slack;

/// <summary>
/// A button click as Slack sends it: an interactive payload of type <c>block_actions</c> with the first
/// <c>actions[]</c> entry's <c>action_id</c> and <c>value</c>, <c>user.id</c>/<c>user.username</c>, <c>channel.id</c>,
/// the message's <c>ts</c> (<c>container.message_ts</c>) and <c>response_url</c>.
/// </summary>
internal sealed record SlackClick(string ActionId, string? Value, string UserId, string? UserName, string? ChannelId, string? MessageTs, Uri? ResponseUrl)
{
    /// <summary>Null for any other payload type or a click missing what it needs.</summary>
    public static SlackClick? From(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object || Str(payload, "type") != "block_actions"
            || !payload.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array || actions.GetArrayLength() == 0)
        {
            return null;
        }
        var action = actions[0];
        var actionId = Str(action, "action_id");
        var user = Obj(payload, "user");
        var userId = Str(user, "id");
        if (actionId is not { Length: > 0 and <= 255 } || !SlackIds.IsId(userId))
        {
            return null;
        }
        var channelId = Str(Obj(payload, "channel"), "id") ?? Str(Obj(payload, "container"), "channel_id");
        var ts = Str(Obj(payload, "container"), "message_ts") ?? Str(Obj(payload, "message"), "ts");
        return new SlackClick(actionId, Str(action, "value") is { Length: <= 2000 } value ? value : null, userId!,
            SlackIds.Name(Str(user, "username") ?? Str(user, "name")), SlackIds.IsId(channelId) ? channelId : null,
            ts is { Length: <= 32 } && ts.All(c => char.IsAsciiDigit(c) || c == '.') ? ts : null,
            SlackIds.ResponseUrl(Str(payload, "response_url")));
    }

    private static JsonElement Obj(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : default;

    private static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
