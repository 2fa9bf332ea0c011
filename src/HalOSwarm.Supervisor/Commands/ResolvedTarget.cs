namespace HalOSwarm.Supervisor.Commands;

/// <summary>Where a command goes: always a node; a session unless it is a start.</summary>
internal sealed record ResolvedTarget(string NodeId, string? SessionId, string? Project, string? SessionStatus);
