namespace HalOSwarm.Supervisor.Events;

/// <summary>
/// One agent event as read from an <c>events</c> frame: <see cref="Data"/> is the event's data as compact UTF-8 JSON
/// (a slice of one buffer per frame), stored and streamed without converting it to a string.
/// <see cref="Rejection"/> says why the connection refused it: the writer then stores nothing of it, but counts its seq as
/// received so the agent's outbox moves past it.
/// </summary>
internal readonly record struct IncomingEvent(long Seq, string Type, string? SessionId, DateTimeOffset Ts, ReadOnlyMemory<byte> Data)
{
    public string? Rejection { get; init; }
}
