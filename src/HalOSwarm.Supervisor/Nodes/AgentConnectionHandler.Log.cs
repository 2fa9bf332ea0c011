namespace HalOSwarm.Supervisor.Nodes;

internal sealed partial class AgentConnectionHandler
{
    [LoggerMessage(Level = LogLevel.Information, EventName = "agent.connected",
        Message = "Node {NodeId} ({Hostname}) connected from {Remote}; durable_seq {DurableSeq}")]
    private static partial void LogConnected(ILogger logger, string nodeId, string hostname, string remote, long durableSeq);

    [LoggerMessage(Level = LogLevel.Information, EventName = "agent.disconnected",
        Message = "Node {NodeId} disconnected ({CloseCode}: {Reason})")]
    private static partial void LogDisconnected(ILogger logger, string nodeId, int closeCode, string reason);

    [LoggerMessage(Level = LogLevel.Warning, EventName = "agent.refused",
        Message = "Refused agent connection of node {NodeId} from {Remote}: {CloseCode} {Reason}")]
    private static partial void LogRefused(ILogger logger, string? nodeId, string remote, int closeCode, string reason);

    // The hello's node id is the attacker's text, but it passed the node id rule (lower-case letters, digits, . _ -) first.
    [LoggerMessage(Level = LogLevel.Warning, EventName = "agent.wrong_node",
        Message = "Token {TokenId}, enrolled for node {BoundNodeId}, said hello as node {NodeId} from {Remote}: refused (4403)")]
    private static partial void LogWrongNode(ILogger logger, string tokenId, string boundNodeId, string nodeId, string remote);

    [LoggerMessage(Level = LogLevel.Warning, EventName = "agent.duplicate",
        Message = "Node id {NodeId} is already connected; refusing the second connection from {Remote}")]
    private static partial void LogDuplicateNode(ILogger logger, string nodeId, string remote);

    [LoggerMessage(Level = LogLevel.Information, EventName = "agent.gap",
        Message = "Node {NodeId} skipped from seq {Expected} to {Received}; asked for a replay")]
    private static partial void LogGap(ILogger logger, string nodeId, long expected, long received);

    [LoggerMessage(Level = LogLevel.Warning, EventName = "node.gap",
        Message = "Node {NodeId} no longer holds events {FirstMissing}..{LastMissing}; accepted its outbox start")]
    private static partial void LogOutboxGap(ILogger logger, string nodeId, long firstMissing, long lastMissing);
}
