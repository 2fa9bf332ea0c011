using System.Collections.Concurrent;
using System.Text.Json;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.Runtimes.ClaudeCode;

/// <summary>
/// The permission requests Claude Code sessions are waiting on. Claude calls the agent's
/// <c>approve</c> tool before it runs a tool (<c>--permission-prompt-tool mcp__hal__approve</c>); the call
/// records <c>permission.asked</c> (the supervisor makes it a pending approval) and waits here until
/// <c>permission_reply</c> answers it, then records <c>permission.replied</c> and tells Claude allow or deny.
/// </summary>
internal sealed class ClaudePermissionBroker(IEventRecorder recorder)
{
    private readonly ConcurrentDictionary<string, Pending> _pending = new(StringComparer.Ordinal);

    /// <summary>Asks, waits for the answer; returns the reply (<c>once</c>, <c>always</c> or <c>reject</c>).</summary>
    public async Task<string> AskAsync(string sessionId, string permissionId, string tool, JsonElement input, CancellationToken cancellationToken)
    {
        var pending = _pending.GetOrAdd(permissionId, _ => new Pending(sessionId));
        try
        {
            await recorder.RecordAsync([ClaudeCodeEvents.PermissionAsked(sessionId, permissionId, tool, input),
                ClaudeCodeEvents.Activity(sessionId, ActivityStates.WaitingForInput, tool)], cancellationToken);
            return await pending.Reply.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            _pending.TryRemove(new KeyValuePair<string, Pending>(permissionId, pending));
        }
    }

    /// <summary>Answers a waiting request; unknown_permission when the session waits on no such request.</summary>
    public async Task ReplyAsync(string sessionId, string permissionId, string reply, CancellationToken cancellationToken)
    {
        if (!_pending.TryGetValue(permissionId, out var pending) || pending.SessionId != sessionId)
        {
            throw new RuntimeCommandException(CommandErrorCodes.UnknownPermission,
                $"session '{sessionId}' is not waiting for permission '{permissionId}'");
        }
        await recorder.RecordAsync([ClaudeCodeEvents.PermissionReplied(sessionId, permissionId, reply),
            ClaudeCodeEvents.Activity(sessionId, ActivityStates.Working)], cancellationToken);
        pending.Reply.TrySetResult(reply);
    }

    private sealed class Pending(string sessionId)
    {
        public string SessionId { get; } = sessionId;

        public TaskCompletionSource<string> Reply { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
