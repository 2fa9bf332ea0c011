using HalOSwarm.Supervisor.Events;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Nodes;

internal static class NodesServiceCollectionExtensions
{
    public static IServiceCollection AddNodes(this IServiceCollection services)
    {
        services.AddSingleton<AgentRegistry>();
        services.AddSingleton<INodeAcknowledger>(sp => sp.GetRequiredService<AgentRegistry>());
        services.AddSingleton<AgentConnectionHandler>();
        services.AddSingleton<NodeQueries>();
        services.AddWriteParticipant<NodeStateStore>();
        services.AddWriteHandler<NodeOnlineWrite, NodeWriteHandler>();
        services.AddWriteHandler<NodeOfflineWrite, NodeWriteHandler>();
        services.AddWriteHandler<HeartbeatWrite, NodeWriteHandler>();
        services.AddHostedService<HeartbeatSweeper>();
        return services;
    }
}
