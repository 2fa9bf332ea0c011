using System.Collections.Concurrent;
using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Nodes;

namespace HalOSwarm.Supervisor.Commands;

/// <summary>
/// Stores each command before it is sent, sends it on the node's socket and waits for the agent's
/// <c>command_result</c>, recording the outcome either way. A result that comes after the caller gave up is still stored.
/// </summary>
internal sealed partial class CommandDispatcher(CommandStore store, TimeProvider timeProvider, ILogger<CommandDispatcher> logger) : ICommandResultSink
{
    private readonly ConcurrentDictionary<string, (string NodeId, TaskCompletionSource<CommandResult?> Result)> _pending = new(StringComparer.Ordinal);

    public async Task<CommandDto> DispatchAsync(
        AgentConnection connection, string type, string? sessionId, string? project, JsonElement args, TimeSpan wait, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var nodeId = connection.NodeId!;
        var command = new CommandDto($"cmd_{Guid.CreateVersion7():N}", type, nodeId, sessionId, project, args,
            CommandStates.Pending, null, null, null, now, now);
        await store.InsertAsync(command, cancellationToken);
        var completion = new TaskCompletionSource<CommandResult?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[command.CommandId] = (nodeId, completion);
        try
        {
            var request = new CommandRequest(command.CommandId, type, sessionId, project, args, now + wait);
            connection.Send(ProtocolCodec.Encode(MessageTypes.Command, request, ProtocolJsonContext.Default.CommandRequest, now));
            await store.UpdateAsync(command.CommandId, CommandStates.Sent, null, null, null, timeProvider.GetUtcNow(), cancellationToken);
            LogSent(logger, command.CommandId, type, nodeId, sessionId);
            string state;
            CommandResult? result;
            try
            {
                result = await completion.Task.WaitAsync(wait, timeProvider, cancellationToken);
                state = result is { Ok: true } ? CommandStates.Succeeded : CommandStates.Failed;
            }
            catch (TimeoutException)
            {
                result = new CommandResult(command.CommandId, false, null, $"the agent sent no result within {wait.TotalSeconds:0} s", CommandErrorCodes.DeadlineExceeded);
                state = CommandStates.TimedOut;
            }
            result ??= new CommandResult(command.CommandId, false, null, $"node {nodeId} disconnected before it answered", CommandErrorCodes.NodeOffline);
            await store.UpdateAsync(command.CommandId, state, result.Result, result.Error, result.ErrorCode, timeProvider.GetUtcNow(), CancellationToken.None);
            LogFinished(logger, command.CommandId, state, result.ErrorCode);
            return await store.GetAsync(command.CommandId, CancellationToken.None) ?? command;
        }
        finally
        {
            _pending.TryRemove(command.CommandId, out _);
        }
    }

    public void Complete(string nodeId, CommandResult result)
    {
        if (_pending.TryRemove(result.CommandId, out var pending))
        {
            pending.Result.TrySetResult(result);
            return;
        }
        LogLateResult(logger, result.CommandId, nodeId);
        var state = result.Ok ? CommandStates.Succeeded : CommandStates.Failed;
        _ = store.UpdateAsync(result.CommandId, state, result.Result, result.Error, result.ErrorCode, timeProvider.GetUtcNow(), CancellationToken.None)
            .ContinueWith(t => LogLateResultFailed(logger, result.CommandId, t.Exception!), TaskContinuationOptions.OnlyOnFaulted);
    }

    public void NodeDisconnected(string nodeId)
    {
        foreach (var (_, pending) in _pending)
        {
            if (pending.NodeId == nodeId)
            {
                pending.Result.TrySetResult(null);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, EventName = "command.sent",
        Message = "Sent command {command_id} ({Type}) to node {node_id}, session {session_id}")]
    private static partial void LogSent(ILogger logger, string command_id, string type, string node_id, string? session_id);

    [LoggerMessage(Level = LogLevel.Information, EventName = "command.finished", Message = "Command {command_id} {State} {ErrorCode}")]
    private static partial void LogFinished(ILogger logger, string command_id, string state, string? errorCode);

    [LoggerMessage(Level = LogLevel.Information, EventName = "command.late_result",
        Message = "Result of command {command_id} from node {node_id} came after the caller stopped waiting; stored")]
    private static partial void LogLateResult(ILogger logger, string command_id, string node_id);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store the late result of command {command_id}")]
    private static partial void LogLateResultFailed(ILogger logger, string command_id, Exception exception);
}
