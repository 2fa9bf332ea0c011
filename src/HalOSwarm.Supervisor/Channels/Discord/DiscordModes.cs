namespace HalOSwarm.Supervisor.Channels.Discord;

/// <summary>How interactions arrive: over the Gateway (an outbound WebSocket) or at the HTTP interactions endpoint.</summary>
internal static class DiscordModes
{
    public const string Gateway = "gateway";
    public const string Http = "http";
}
