using System.Text.Json;

namespace HalOSwarm.Supervisor.Channels.Slack;

/// <summary>
/// A slash command as Slack sends it (form fields over HTTP, the envelope's payload in Socket Mode): <c>command</c>,
/// <c>text</c>, <c>user_id</c>, <c>user_name</c>, <c>channel_id</c>, <c>response_url</c>.
/// </summary>
internal sealed record SlackCommand(string Command, string Text, string UserId, string? UserName, string? ChannelId, Uri? ResponseUrl)
{
    /// <summary>Null when a field is missing or malformed (the command is then refused with 400, or not acted on).</summary>
    public static SlackCommand? From(Func<string, string?> field)
    {
        var command = field("command");
        var userId = field("user_id");
        if (command is not { Length: >= 2 and <= 32 } || command[0] != '/' || !SlackIds.IsId(userId))
        {
            return null;
        }
        var channelId = field("channel_id");
        return new SlackCommand(command, field("text") ?? "", userId!, SlackIds.Name(field("user_name")),
            SlackIds.IsId(channelId) ? channelId : null, SlackIds.ResponseUrl(field("response_url")));
    }

    public static SlackCommand? From(JsonElement payload) =>
        payload.ValueKind == JsonValueKind.Object
            ? From(name => payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null)
            : null;
}
