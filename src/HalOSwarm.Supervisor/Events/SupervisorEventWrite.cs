namespace HalOSwarm.Supervisor.Events;

/// <summary>An event the supervisor records itself (policy decisions, approvals…); <see cref="Stored"/> completes after the commit.</summary>
internal sealed record SupervisorEventWrite(string NodeId, string Type, string? SessionId, DateTimeOffset At, string Data, TaskCompletionSource Stored) : WriteOp;
