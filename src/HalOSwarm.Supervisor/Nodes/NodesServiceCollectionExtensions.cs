using HalOSwarm.Supervisor.Events;

namespace HalOSwarm.Supervisor.Nodes;

internal static class NodesServiceCollectionExtensions
{
    public static IServiceCollection AddNodes(this IServiceCollection services)
    {
        services.AddSingleton<AgentRegistry>();
        services.AddSingleton<INodeAcknowledger>(sp => sp.GetRequiredService<AgentRegistry>());
        services.AddSingleton<AgentConnectionHandler>();
        services.AddSingleton<NodeQueries>();
        services.AddHostedService<HeartbeatSweeper>();
        return services;
    }
}
