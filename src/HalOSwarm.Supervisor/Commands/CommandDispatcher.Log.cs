namespace HalOSwarm.Supervisor.Commands;

internal sealed partial class CommandDispatcher
{
    [LoggerMessage(Level = LogLevel.Information, EventName = "command.sent",
        Message = "Sent command {command_id} ({type}) to node {node_id}, session {session_id}, attempt {attempt}, correlation {correlation_id}")]
    private static partial void LogSent(ILogger logger, string command_id, string type, string node_id, string? session_id, int attempt, string? correlation_id);

    [LoggerMessage(Level = LogLevel.Information, EventName = "command.finished",
        Message = "Command {command_id} on node {node_id} {state} {error_code} {error} (correlation {correlation_id})")]
    private static partial void LogFinished(ILogger logger, string command_id, string node_id, string state, string? error_code, string? error, string? correlation_id);

    [LoggerMessage(Level = LogLevel.Warning, EventName = "command.retry",
        Message = "Command {command_id} on node {node_id} failed transiently after attempt {attempt} ({error_code}); retrying")]
    private static partial void LogRetry(ILogger logger, string command_id, string node_id, int attempt, string? error_code);

    [LoggerMessage(Level = LogLevel.Information, EventName = "command.late_result",
        Message = "Result of command {command_id} from node {node_id} came after it ended ({state}); stored")]
    private static partial void LogLateResult(ILogger logger, string command_id, string node_id, string state);

    [LoggerMessage(Level = LogLevel.Warning, EventName = "command.unknown_result",
        Message = "Node {node_id} answered command {command_id}, which is unknown or already succeeded; ignored")]
    private static partial void LogUnknownResult(ILogger logger, string command_id, string node_id);

    [LoggerMessage(Level = LogLevel.Information, EventName = "command.reloaded",
        Message = "Picked up unfinished command {command_id} ({state}) for node {node_id}")]
    private static partial void LogReloaded(ILogger logger, string command_id, string state, string node_id);

    [LoggerMessage(Level = LogLevel.Information, EventName = "command.adopted",
        Message = "Took over command {command_id} stored by another supervisor: node {node_id} is connected here")]
    private static partial void LogAdopted(ILogger logger, string command_id, string node_id);

    [LoggerMessage(Level = LogLevel.Error, EventName = "command.loop_failed", Message = "Command dispatch failed for {command_id}")]
    private static partial void LogLoopFailed(ILogger logger, string? command_id, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store the state of command {command_id}")]
    private static partial void LogPersistFailed(ILogger logger, string command_id, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, EventName = "command.foreign_answer",
        Message = "Ignored an answer to command {command_id} from node {node_id}: the command was sent to node {owner_node_id}")]
    private static partial void LogForeignAnswer(ILogger logger, string command_id, string node_id, string owner_node_id);
}
