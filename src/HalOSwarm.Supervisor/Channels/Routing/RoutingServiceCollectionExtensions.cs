using HalOSwarm.Supervisor.Channels.Alerts;
using HalOSwarm.Supervisor.Cluster;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Channels.Routing;

internal static class RoutingServiceCollectionExtensions
{
    /// <summary>The router (rules over the event feed, the idle sweep) and the alerts it stores.</summary>
    public static IServiceCollection AddChannelRouting(this IServiceCollection services)
    {
        services.AddSingleton<RouteRuleSet>();
        services.AddSingleton<RoutingMetrics>();
        services.AddSingleton<SessionProjects>();
        services.AddSingleton<ElsewhereAnswers>();
        services.AddSingleton<AlertQueries>();
        services.AddWriteHandler<AlertsInsert, AlertsWriteHandler>();
        services.AddSingleton<ChannelRouter>();
        services.AddLeaderService<ChannelRouter>();
        services.AddSingleton<IdleSweep>();
        services.AddLeaderService<IdleSweep>();
        return services;
    }
}
