namespace HalOSwarm.Supervisor.Channels.Chat;

/// <summary>The checks of <c>channels.users</c> and the role maps.</summary>
internal static class ChatUserChecks
{
    public static void Check(ChannelsOptions options, List<string> errors)
    {
    }
}
