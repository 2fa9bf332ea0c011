namespace HalOSwarm.Ctl.Api;

/// <summary>The body of <c>POST /api/v1/env/{project}/check</c>.</summary>
internal sealed record EnvCheckRequest(string? NodeId);
