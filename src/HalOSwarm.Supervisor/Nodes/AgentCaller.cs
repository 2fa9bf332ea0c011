namespace HalOSwarm.Supervisor.Nodes;

/// <summary>
/// The token an agent connection authenticated with: its id, and the node id it binds (null for the server token, which
/// may connect as any node).
/// </summary>
internal sealed record AgentCaller(string TokenId, string? BoundNodeId);
