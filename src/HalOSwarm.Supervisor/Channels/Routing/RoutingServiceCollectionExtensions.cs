namespace HalOSwarm.Supervisor.Channels.Routing;

internal static class RoutingServiceCollectionExtensions
{
    /// <summary>the router (rules over the event feed, the idle sweep) and the alerts it stores.</summary>
    public static IServiceCollection AddChannelRouting(this IServiceCollection services)
    {
        return services;
    }
}
