using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Configuration;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Nodes;

/// <summary>
/// Every heartbeat interval: sends each welcomed agent a heartbeat and closes (4408) the ones silent for longer than
/// interval × timeout count (counted from the welcome at the earliest). The connection's end then marks the node offline.
/// </summary>
internal sealed partial class HeartbeatSweeper(
    AgentRegistry registry,
    IOptions<ServerOptions> options,
    TimeProvider timeProvider,
    ILogger<HeartbeatSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var server = options.Value;
        using var timer = new PeriodicTimer(server.HeartbeatInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Sweep(server);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    internal void Sweep(ServerOptions server)
    {
        var now = timeProvider.GetUtcNow();
        var heartbeat = ProtocolCodec.Encode(MessageTypes.Heartbeat, new Heartbeat(null), ProtocolJsonContext.Default.Heartbeat, now);
        foreach (var connection in registry.Connections)
        {
            // Registered but not welcomed yet (its hello waits for the writer): a heartbeat now would reach the agent
            // ahead of the welcome, which fails its handshake, and the agent cannot be silent before it was answered.
            if (connection.IsClosing || !connection.IsWelcomed)
            {
                continue;
            }
            var silent = now - connection.LastSeen;
            if (silent > server.HeartbeatTimeout)
            {
                var reason = $"missed {server.HeartbeatTimeoutCount} heartbeats (silent for {(int)silent.TotalSeconds} s)";
                LogTimedOut(logger, connection.NodeId!, reason);
                connection.RequestClose(CloseCodes.HeartbeatTimeout, reason);
            }
            else
            {
                connection.Send(heartbeat);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, EventName = "agent.heartbeat_timeout", Message = "Node {node_id} timed out: {reason}")]
    private static partial void LogTimedOut(ILogger logger, string node_id, string reason);
}
