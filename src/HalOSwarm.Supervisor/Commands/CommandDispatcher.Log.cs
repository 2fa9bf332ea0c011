namespace HalOSwarm.Supervisor.Commands;

internal sealed partial class CommandDispatcher
{
    [LoggerMessage(Level = LogLevel.Information, EventName = "command.sent",
        Message = "Sent command {CommandId} ({Type}) to node {NodeId}, session {SessionId}, attempt {Attempt}, correlation {CorrelationId}")]
    private static partial void LogSent(ILogger logger, string commandId, string type, string nodeId, string? sessionId, int attempt, string? correlationId);

    [LoggerMessage(Level = LogLevel.Information, EventName = "command.finished",
        Message = "Command {CommandId} on node {NodeId} {State} {ErrorCode} {Error} (correlation {CorrelationId})")]
    private static partial void LogFinished(ILogger logger, string commandId, string nodeId, string state, string? errorCode, string? error, string? correlationId);

    [LoggerMessage(Level = LogLevel.Warning, EventName = "command.retry",
        Message = "Command {CommandId} on node {NodeId} failed transiently after attempt {Attempt} ({ErrorCode}); retrying")]
    private static partial void LogRetry(ILogger logger, string commandId, string nodeId, int attempt, string? errorCode);

    [LoggerMessage(Level = LogLevel.Information, EventName = "command.late_result",
        Message = "Result of command {CommandId} from node {NodeId} came after it ended ({State}); stored")]
    private static partial void LogLateResult(ILogger logger, string commandId, string nodeId, string state);

    [LoggerMessage(Level = LogLevel.Warning, EventName = "command.unknown_result",
        Message = "Node {NodeId} answered command {CommandId}, which is unknown or already succeeded; ignored")]
    private static partial void LogUnknownResult(ILogger logger, string commandId, string nodeId);

    [LoggerMessage(Level = LogLevel.Information, EventName = "command.reloaded",
        Message = "Picked up unfinished command {CommandId} ({State}) for node {NodeId}")]
    private static partial void LogReloaded(ILogger logger, string commandId, string state, string nodeId);

    [LoggerMessage(Level = LogLevel.Error, EventName = "command.loop_failed", Message = "Command dispatch failed for {CommandId}")]
    private static partial void LogLoopFailed(ILogger logger, string? commandId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store the state of command {CommandId}")]
    private static partial void LogPersistFailed(ILogger logger, string commandId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, EventName = "command.foreign_answer",
        Message = "Ignored an answer to command {CommandId} from node {NodeId}: the command was sent to node {OwnerNodeId}")]
    private static partial void LogForeignAnswer(ILogger logger, string commandId, string nodeId, string ownerNodeId);
}
