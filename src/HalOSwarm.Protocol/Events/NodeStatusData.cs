namespace HalOSwarm.Protocol.Events;

public sealed record NodeStatusData(string NodeId, string? Hostname, string? Reason);
