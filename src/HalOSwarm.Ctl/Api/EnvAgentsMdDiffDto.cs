namespace HalOSwarm.Ctl.Api;

/// <summary><c>GET /api/v1/env/{project}/agents-md/diff</c>: same, changed or absent, and the unified diff node → template.</summary>
internal sealed record EnvAgentsMdDiffDto(string Project, string NodeId, string Path, string State, DateTimeOffset CheckedAt, string Diff);
