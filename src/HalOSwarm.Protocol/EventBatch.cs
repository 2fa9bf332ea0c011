namespace HalOSwarm.Protocol;

/// <summary>Events in ascending, contiguous seq order.</summary>
public sealed record EventBatch(IReadOnlyList<AgentEvent> Events);
