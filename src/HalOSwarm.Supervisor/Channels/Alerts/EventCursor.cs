namespace HalOSwarm.Supervisor.Channels.Alerts;

/// <summary>An event consumer's cursor (<c>event_cursors</c>): the last event id it handled.</summary>
internal sealed record EventCursor(string Consumer, long LastId);
