namespace HalOSwarm.Ctl.Api;

/// <summary>One agent program's login on a node, from <c>/api/v1/auth</c>.</summary>
internal sealed record ToolAuthStatusDto(string Tool, string Status, string? Method, string? Reason, DateTimeOffset CheckedAt);
