namespace HalOSwarm.Supervisor.Channels.Delivery;

/// <summary>How many deliveries of one target (<c>webhook:n8n</c>) are pending, delivered and failed.</summary>
internal sealed record TargetCounts(string Target, long Pending, long Delivered, long Failed);
