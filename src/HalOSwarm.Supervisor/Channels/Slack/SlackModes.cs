namespace HalOSwarm.Supervisor.Channels.Slack;

/// <summary>How Slack reaches the supervisor: <c>socket</c> (Socket Mode, outbound WebSocket) or <c>http</c> (signed POSTs).</summary>
internal static class SlackModes
{
    public const string Socket = "socket";
    public const string Http = "http";
}
