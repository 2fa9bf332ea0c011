namespace HalOSwarm.Supervisor.Events;

/// <summary>
/// A node's connection ended: mark it offline, its live sessions unreachable, record <c>node.offline</c>.
/// Skipped when <see cref="IsSuperseded"/> says a newer connection of the node is live by then.
/// </summary>
internal sealed record NodeOfflineWrite(string NodeId, string? Hostname, string Reason, DateTimeOffset At, Func<bool> IsSuperseded) : WriteOp;
