namespace HalOSwarm.Supervisor.Channels.Delivery;

/// <summary><c>GET /api/v1/channels</c>: each platform kind's connection, and each target's deliveries by state.</summary>
internal sealed record ChannelsOverview(IReadOnlyList<ChannelStatus> Platforms, IReadOnlyList<TargetCounts> Targets);
