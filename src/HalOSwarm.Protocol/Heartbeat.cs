namespace HalOSwarm.Protocol;

/// <summary>
/// Sent both ways every heartbeat interval; the agent's carries its resource usage and the highest seq in its outbox
/// (<see cref="OutboxLastSeq"/>, absent from older agents), from which the supervisor reports the node's
/// unacknowledged outbox depth.
/// </summary>
public sealed record Heartbeat(ResourceUsage? Resources, long? OutboxLastSeq = null);
