namespace HalOSwarm.Supervisor.Channels.Delivery;

/// <summary>How a platform's connection stands, for <c>GET /api/v1/channels</c> and <c>halctl channels status</c>.</summary>
internal interface IChannelStatusSource
{
    ChannelStatus Status { get; }
}

/// <summary>
/// <see cref="State"/>: <c>not_configured</c>, <c>connecting</c>, <c>connected</c> (a Gateway, Socket Mode or long poll
/// is up, or an HTTP endpoint is ready), <c>degraded</c> (failing; <see cref="Detail"/> says why, never a secret).
/// <see cref="Mode"/>: gateway, http, socket, polling, webhook.
/// </summary>
internal sealed record ChannelStatus(string Kind, string State, string Mode, string? Detail, DateTimeOffset? Since);
