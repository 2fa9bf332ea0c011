namespace HalOSwarm.Supervisor.Dashboard.Session;

/// <summary>A status or activity change of the session: <see cref="Label"/> is the new state, <see cref="Detail"/> why. Public only because component parameters must be.</summary>
public sealed record TimelineEntry(DateTimeOffset At, string Label, string? Detail);
