namespace HalOSwarm.Ctl.Api;

/// <summary>A row of <c>GET /api/v1/env</c>: a project on a node, its latest verdict (null before the first check).</summary>
internal sealed record EnvStatusRowDto(string Project, string NodeId, bool NodeOnline, string? Verdict, DateTimeOffset? CheckedAt, int Failing);
