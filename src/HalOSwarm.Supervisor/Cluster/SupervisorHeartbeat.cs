using HalOSwarm.Supervisor.Nodes;
using HalOSwarm.Supervisor.Storage.Writing;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Cluster;

/// <summary>
/// Writes this supervisor's heartbeat every <c>cluster.heartbeat_sec</c>. On the leader it also ends what a dead
/// supervisor left behind: its nodes (still marked online, held by it) go offline, their sessions unreachable, with a
/// <c>node.offline</c> event naming it; an agent that reconnected to a living supervisor meanwhile holds its node again
/// and is left alone.
/// </summary>
internal sealed partial class SupervisorHeartbeat(
    SupervisorIdentity identity, ILeadership leadership, ClusterQueries queries, IStorageWriter writer, IOptions<ClusterOptions> options,
    TimeProvider timeProvider, ILogger<SupervisorHeartbeat> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Heartbeat, timeProvider);
        do
        {
            try
            {
                await BeatAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogBeatFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task BeatAsync(CancellationToken cancellationToken)
    {
        var leader = leadership.IsLeader;
        await writer.WriteAsync(new SupervisorBeat(identity.Id, identity.Hostname, identity.Version, identity.StartedAt, timeProvider.GetUtcNow(), leader),
            cancellationToken);
        if (!leader)
        {
            return;
        }
        foreach (var (nodeId, hostname, holder) in await queries.OrphanedNodesAsync(cancellationToken))
        {
            LogOrphaned(logger, nodeId, holder);
            await writer.EnqueueAsync(new NodeOfflineWrite(nodeId, hostname, $"its supervisor {holder} stopped answering", timeProvider.GetUtcNow(),
                static () => false) { HeldBy = holder }, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write this supervisor's heartbeat")]
    private static partial void LogBeatFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {node_id} was held by supervisor {supervisor_id}, which stopped answering: marking it offline")]
    private static partial void LogOrphaned(ILogger logger, string node_id, string supervisor_id);
}
