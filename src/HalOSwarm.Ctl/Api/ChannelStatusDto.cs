namespace HalOSwarm.Ctl.Api;

/// <summary>A chat platform's (or the webhooks') connection as <c>GET /api/v1/channels</c> reports it.</summary>
internal sealed record ChannelStatusDto(string Kind, string State, string? Mode, string? Detail, DateTimeOffset? Since);
