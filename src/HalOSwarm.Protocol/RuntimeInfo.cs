namespace HalOSwarm.Protocol;

/// <summary>
/// A runtime as the agent found it at start: the program's version when it answered, or why it cannot
/// run sessions (binary not found, version too old, not logged in).
/// </summary>
public sealed record RuntimeInfo(string Name, bool Available, string? Version = null, string? Reason = null);
