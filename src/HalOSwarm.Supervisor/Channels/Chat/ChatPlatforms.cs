using HalOSwarm.Supervisor.Channels.Delivery;

namespace HalOSwarm.Supervisor.Channels.Chat;

/// <summary>The chat platforms a caller comes from (<see cref="ChatCaller.Platform"/>) and how replies name them.</summary>
internal static class ChatPlatforms
{
    public static readonly IReadOnlyList<string> All = [ChannelKinds.Discord, ChannelKinds.Slack, ChannelKinds.Telegram];

    /// <summary><c>Discord</c>, <c>Slack</c>, <c>Telegram</c>; anything else as given.</summary>
    public static string DisplayName(string platform) => platform switch
    {
        ChannelKinds.Discord => "Discord",
        ChannelKinds.Slack => "Slack",
        ChannelKinds.Telegram => "Telegram",
        _ => platform,
    };
}
