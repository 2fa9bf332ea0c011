namespace HalOSwarm.Supervisor.Nodes;

internal sealed partial class AgentConnectionHandler
{
    [LoggerMessage(Level = LogLevel.Information, EventName = "agent.connected",
        Message = "Node {node_id} ({Hostname}) connected from {Remote}; durable_seq {DurableSeq}")]
    private static partial void LogConnected(ILogger logger, string node_id, string hostname, string remote, long durableSeq);

    [LoggerMessage(Level = LogLevel.Information, EventName = "agent.disconnected",
        Message = "Node {node_id} disconnected ({CloseCode}: {Reason})")]
    private static partial void LogDisconnected(ILogger logger, string node_id, int closeCode, string reason);

    [LoggerMessage(Level = LogLevel.Warning, EventName = "agent.refused",
        Message = "Refused agent connection of node {node_id} from {Remote}: {CloseCode} {Reason}")]
    private static partial void LogRefused(ILogger logger, string? node_id, string remote, int closeCode, string reason);

    [LoggerMessage(Level = LogLevel.Warning, EventName = "agent.duplicate",
        Message = "Node id {node_id} is already connected; refusing the second connection from {Remote}")]
    private static partial void LogDuplicateNode(ILogger logger, string node_id, string remote);

    [LoggerMessage(Level = LogLevel.Information, EventName = "agent.gap",
        Message = "Node {node_id} skipped from seq {Expected} to {Received}; asked for a replay")]
    private static partial void LogGap(ILogger logger, string node_id, long expected, long received);

    [LoggerMessage(Level = LogLevel.Warning, EventName = "node.gap",
        Message = "Node {node_id} no longer holds events {FirstMissing}..{LastMissing}; accepted its outbox start")]
    private static partial void LogOutboxGap(ILogger logger, string node_id, long firstMissing, long lastMissing);
}
