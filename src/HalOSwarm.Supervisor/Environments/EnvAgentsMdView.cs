namespace HalOSwarm.Supervisor.Environments;

/// <summary><c>GET /api/v1/env/{project}/agents-md</c>: the rendered template, what would be written at <see cref="Path"/> on the node.</summary>
internal sealed record EnvAgentsMdView(string Project, string NodeId, string Path, string Content);
