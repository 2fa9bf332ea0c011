namespace HalOSwarm.Supervisor.Nodes;

internal sealed partial class AgentConnectionHandler
{
    [LoggerMessage(Level = LogLevel.Information, EventName = "agent.connected",
        Message = "Node {node_id} ({hostname}) connected from {remote}; durable_seq {durable_seq}")]
    private static partial void LogConnected(ILogger logger, string node_id, string hostname, string remote, long durable_seq);

    [LoggerMessage(Level = LogLevel.Information, EventName = "agent.disconnected",
        Message = "Node {node_id} disconnected ({close_code}: {reason})")]
    private static partial void LogDisconnected(ILogger logger, string node_id, int close_code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, EventName = "agent.refused",
        Message = "Refused agent connection of node {node_id} from {remote}: {close_code} {reason}")]
    private static partial void LogRefused(ILogger logger, string? node_id, string remote, int close_code, string reason);

    // The hello's node id is the attacker's text, but it passed the node id rule (lower-case letters, digits, . _ -) first.
    [LoggerMessage(Level = LogLevel.Warning, EventName = "agent.wrong_node",
        Message = "Token {token_id}, enrolled for node {bound_node_id}, said hello as node {node_id} from {remote}: refused (4403)")]
    private static partial void LogWrongNode(ILogger logger, string token_id, string bound_node_id, string node_id, string remote);

    [LoggerMessage(Level = LogLevel.Warning, EventName = "agent.duplicate",
        Message = "Node id {node_id} is already connected; refusing the second connection from {remote}")]
    private static partial void LogDuplicateNode(ILogger logger, string node_id, string remote);

    [LoggerMessage(Level = LogLevel.Information, EventName = "agent.gap",
        Message = "Node {node_id} skipped from seq {expected} to {received}; asked for a replay")]
    private static partial void LogGap(ILogger logger, string node_id, long expected, long received);

    [LoggerMessage(Level = LogLevel.Warning, EventName = "node.gap",
        Message = "Node {node_id} no longer holds events {first_missing}..{last_missing}; accepted its outbox start")]
    private static partial void LogOutboxGap(ILogger logger, string node_id, long first_missing, long last_missing);
}
