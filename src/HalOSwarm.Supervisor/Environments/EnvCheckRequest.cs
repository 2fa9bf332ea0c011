namespace HalOSwarm.Supervisor.Environments;

/// <summary>The body of <c>POST /api/v1/env/{project}/check</c>: one node, or every node hosting the project when null.</summary>
internal sealed record EnvCheckRequest(string? NodeId);
