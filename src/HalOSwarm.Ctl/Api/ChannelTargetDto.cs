namespace HalOSwarm.Ctl.Api;

/// <summary>One target's deliveries by state.</summary>
internal sealed record ChannelTargetDto(string Target, long Pending, long Delivered, long Failed);
