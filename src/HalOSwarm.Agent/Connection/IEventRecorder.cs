using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.Connection;

/// <summary>Where runtimes and watchers hand their normalized events: stored durably, then sent.</summary>
internal interface IEventRecorder
{
    Task<IReadOnlyList<AgentEvent>> RecordAsync(IReadOnlyList<PendingEvent> events, CancellationToken cancellationToken);

    /// <summary>
    /// Records the events and moves <paramref name="cursor"/> in the same transaction, so a runtime that
    /// reads a file or stream by position (Claude Code, Codex) neither loses nor repeats a line across a crash.
    /// </summary>
    Task<IReadOnlyList<AgentEvent>> RecordAsync(IReadOnlyList<PendingEvent> events, RuntimeCursor cursor, CancellationToken cancellationToken);

    /// <summary>A cursor's position (0 when it was never moved).</summary>
    Task<long> ReadCursorAsync(string key, CancellationToken cancellationToken);
}

/// <summary>A position a runtime has consumed up to (say a byte offset in a session's output), keyed per session.</summary>
internal sealed record RuntimeCursor(string Key, long Position);
