namespace HalOSwarm.Supervisor.Channels.Routing;

/// <summary>The checks of <c>channels.routes</c> (patterns, conditions, targets that name configured channels).</summary>
internal static class RouteChecks
{
    public static void Check(ChannelsOptions options, List<string> errors)
    {
    }

    public static void Notes(ChannelsOptions options, List<string> notes)
    {
    }
}
