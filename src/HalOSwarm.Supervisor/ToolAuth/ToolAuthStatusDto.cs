namespace HalOSwarm.Supervisor.ToolAuth;

/// <summary>One agent program's latest login status on a node, as its agent last reported it.</summary>
internal sealed record ToolAuthStatusDto(string Tool, string Status, string? Method, string? Reason, DateTimeOffset CheckedAt);
