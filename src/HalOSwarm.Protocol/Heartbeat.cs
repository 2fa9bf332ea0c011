namespace HalOSwarm.Protocol;

/// <summary>Sent both ways every heartbeat interval; the agent's carries its resource usage.</summary>
public sealed record Heartbeat(ResourceUsage? Resources);
