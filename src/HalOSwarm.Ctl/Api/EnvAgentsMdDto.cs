namespace HalOSwarm.Ctl.Api;

/// <summary><c>GET /api/v1/env/{project}/agents-md</c>: the rendered template for a node.</summary>
internal sealed record EnvAgentsMdDto(string Project, string NodeId, string Path, string Content);
