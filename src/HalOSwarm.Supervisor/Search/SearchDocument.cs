namespace HalOSwarm.Supervisor.Search;

/// <summary>
/// What the index keeps of one event: its searchable text and the fields hits are filtered and linked by.
/// <see cref="Project"/> is null when the event does not name it (the writer takes the session's).
/// </summary>
internal sealed record SearchDocument(long EventId, string? SessionId, string NodeId, string? Project, string Type, DateTimeOffset Ts, string Text);
