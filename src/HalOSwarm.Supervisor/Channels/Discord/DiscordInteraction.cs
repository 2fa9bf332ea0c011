using System.Globalization;
using System.Text.Json;
using HalOSwarm.Supervisor.Channels.Chat;
using HalOSwarm.Supervisor.Channels.Delivery;

namespace HalOSwarm.Supervisor.Channels.Discord;

/// <summary>
/// The parts of an interaction (Gateway INTERACTION_CREATE's <c>d</c>, or the HTTP endpoint's body) the supervisor
/// reads: id, token, type, the caller (<c>member.user</c> in a guild, <c>user</c> in a DM, member roles, channel) and
/// <c>data</c>. <see cref="TryParse"/> refuses anything without them.
/// </summary>
internal sealed record DiscordInteraction(string Id, string Token, int Type, ChatCaller Caller, JsonElement Data)
{
    public const int Ping = 1;
    public const int ApplicationCommand = 2;
    public const int MessageComponent = 3;
    public const int Autocomplete = 4;

    /// <summary>Interaction tokens are long opaque words; anything beyond this is not Discord's.</summary>
    private const int MaxTokenLength = 512;

    public static DiscordInteraction? TryParse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("type", out var typeElement) || !typeElement.TryGetInt32(out var type))
        {
            return null;
        }
        var id = String(root, "id") ?? "";
        var token = String(root, "token") ?? "";
        if (type == Ping)
        {
            return new DiscordInteraction(id, token, type, new ChatCaller(ChannelKinds.Discord, "", null, [], null), default);
        }
        if (!DiscordChecks.IsSnowflake(id) || token.Length is 0 or > MaxTokenLength || token.Any(c => c is '/' or '?' or '#' or '%' || char.IsWhiteSpace(c)))
        {
            return null;
        }
        JsonElement user = default;
        var roles = new List<string>();
        if (root.TryGetProperty("member", out var member) && member.ValueKind == JsonValueKind.Object)
        {
            member.TryGetProperty("user", out user);
            if (member.TryGetProperty("roles", out var roleArray) && roleArray.ValueKind == JsonValueKind.Array)
            {
                roles.AddRange(roleArray.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!).Take(250));
            }
        }
        else
        {
            root.TryGetProperty("user", out user);
        }
        if (user.ValueKind != JsonValueKind.Object || String(user, "id") is not { } userId || !DiscordChecks.IsSnowflake(userId))
        {
            return null;
        }
        var name = String(member.ValueKind == JsonValueKind.Object ? member : default, "nick") ?? String(user, "global_name") ?? String(user, "username");
        root.TryGetProperty("data", out var data);
        var caller = new ChatCaller(ChannelKinds.Discord, userId, name, roles, String(root, "channel_id"));
        return new DiscordInteraction(id, token, type, caller, data.ValueKind == JsonValueKind.Object ? data.Clone() : default);
    }

    public static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.True or JsonValueKind.False => value.GetBoolean().ToString(CultureInfo.InvariantCulture).ToLowerInvariant(),
                _ => null,
            }
            : null;
}
