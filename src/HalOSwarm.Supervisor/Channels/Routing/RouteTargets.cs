using HalOSwarm.Supervisor.Channels.Delivery;
using HalOSwarm.Supervisor.Configuration;

namespace HalOSwarm.Supervisor.Channels.Routing;

/// <summary>
/// Targets (<c>discord:NAME</c>, <c>slack:NAME</c> or <c>slack:#NAME</c>, <c>telegram:NAME</c>, <c>webhook:NAME</c>)
/// against the configured platforms: NAME must be a name under the platform's <c>channels</c> / <c>chats</c> /
/// <c>webhooks</c>. Stored deliveries name the target in its canonical form (<c>slack:ops</c>, without the <c>#</c>).
/// </summary>
internal static class RouteTargets
{
    /// <summary>Splits <paramref name="target"/>; false when it is not KIND:NAME with a known kind.</summary>
    public static bool TryParse(string? target, out string kind, out string name)
    {
        kind = "";
        name = "";
        var colon = target?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (target is null || colon <= 0)
        {
            return false;
        }
        kind = target[..colon].Trim();
        name = target[(colon + 1)..].Trim();
        if (kind == ChannelKinds.Slack && name.StartsWith('#'))
        {
            name = name[1..];
        }
        return ChannelKinds.All.Contains(kind) && name.Length > 0;
    }

    public static string Canonical(string kind, string name) => kind + ":" + name;

    /// <summary>True when the platform has its credentials (not empty, not placeholders).</summary>
    public static bool IsConfigured(ChannelsOptions options, string kind) => kind switch
    {
        ChannelKinds.Discord => PlaceholderValues.IsSet(options.Discord.BotToken),
        ChannelKinds.Slack => PlaceholderValues.IsSet(options.Slack.BotToken),
        ChannelKinds.Telegram => PlaceholderValues.IsSet(options.Telegram.BotToken),
        ChannelKinds.Webhook => options.Webhooks.Values.Any(w => PlaceholderValues.IsSet(w.Url)),
        _ => false,
    };

    /// <summary>The names a route may use for <paramref name="kind"/>.</summary>
    public static IReadOnlyCollection<string> Names(ChannelsOptions options, string kind) => kind switch
    {
        ChannelKinds.Discord => options.Discord.Channels.Keys,
        ChannelKinds.Slack => options.Slack.Channels.Keys,
        ChannelKinds.Telegram => options.Telegram.Chats.Keys,
        ChannelKinds.Webhook => options.Webhooks.Keys,
        _ => [],
    };

    /// <summary>True when alerts to this target can be sent: the platform is configured and knows the name (a webhook: its URL is set).</summary>
    public static bool IsLive(ChannelsOptions options, string kind, string name) =>
        kind == ChannelKinds.Webhook
            ? options.Webhooks.TryGetValue(name, out var hook) && PlaceholderValues.IsSet(hook.Url)
            : IsConfigured(options, kind) && Names(options, kind).Contains(name);
}
