namespace HalOSwarm.Protocol.Events;

/// <summary>The result of <c>auth_check</c>: every agent program in use on the node, just checked.</summary>
public sealed record AuthCheckResult(IReadOnlyList<AuthStatusData> Tools);
