namespace HalOSwarm.Ctl.Api;

/// <summary><c>GET /api/v1/channels</c>: each platform's connection and each target's delivery counts.</summary>
internal sealed record ChannelsOverviewDto(IReadOnlyList<ChannelStatusDto> Platforms, IReadOnlyList<ChannelTargetDto> Targets);
