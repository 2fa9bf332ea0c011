using System.Threading.Channels;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Agent.Storage;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent.Runtimes.Worktrees;

/// <summary>
/// Cleans up after sessions that had a worktree: when one ends (deleted or completed) its worktree is released
/// and <c>worktree.removed</c> or <c>worktree.kept</c> recorded for the session. At start it also releases the
/// worktrees of sessions that ended while the agent was down.
/// </summary>
internal sealed partial class WorktreeJanitor : BackgroundService
{
    private readonly GitWorktrees _worktrees;
    private readonly WorktreeStore _store;
    private readonly SessionStore _sessions;
    private readonly IEventRecorder _recorder;
    private readonly ILogger<WorktreeJanitor> _logger;
    private readonly Channel<string> _ended = Channel.CreateUnbounded<string>();

    public WorktreeJanitor(GitWorktrees worktrees, WorktreeStore store, SessionStore sessions, IEventRecorder recorder, RecordedEventFeed feed,
        ILogger<WorktreeJanitor> logger)
    {
        _worktrees = worktrees;
        _store = store;
        _sessions = sessions;
        _recorder = recorder;
        _logger = logger;
        feed.Recorded += OnRecorded;
    }

    private void OnRecorded(IReadOnlyList<AgentEvent> events)
    {
        foreach (var e in events)
        {
            if (e.SessionId is { } id && e.Type is EventTypes.SessionDeleted or EventTypes.SessionCompleted)
            {
                _ended.Writer.TryWrite(id);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var tracked = (await _sessions.ListAsync(stoppingToken)).Select(s => s.SessionId).ToHashSet(StringComparer.Ordinal);
        foreach (var orphan in (await _store.SessionsAsync(stoppingToken)).Where(id => !tracked.Contains(id)))
        {
            _ended.Writer.TryWrite(orphan);
        }
        await foreach (var sessionId in _ended.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                if (await _worktrees.ReleaseAsync(sessionId, stoppingToken) is not { } outcome)
                {
                    continue;
                }
                var data = new WorktreeData(outcome.Worktree.Root ?? outcome.Worktree.Path, outcome.Worktree.Branch, outcome.Reason);
                var type = outcome.Kept ? EventTypes.WorktreeKept : EventTypes.WorktreeRemoved;
                await _recorder.RecordAsync([EventData.Create(type, sessionId, data, ProtocolJsonContext.Default.WorktreeData)], stoppingToken);
                Log.Released(_logger, sessionId, data.Path, outcome.Kept ? "kept" : "removed", outcome.Reason);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.Failed(_logger, sessionId, ex.Message);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 70, EventName = "worktree.released", Level = LogLevel.Information,
            Message = "Session {session_id} ended; its worktree {path} was {outcome}: {reason}")]
        public static partial void Released(ILogger logger, string session_id, string path, string outcome, string reason);

        [LoggerMessage(EventId = 71, EventName = "worktree.release_failed", Level = LogLevel.Warning,
            Message = "Session {session_id} ended; releasing its worktree failed: {error}")]
        public static partial void Failed(ILogger logger, string session_id, string error);
    }
}
