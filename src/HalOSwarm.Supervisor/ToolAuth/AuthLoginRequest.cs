namespace HalOSwarm.Supervisor.ToolAuth;

/// <summary>The body of <c>POST /api/v1/auth/nodes/{node}/login</c>.</summary>
internal sealed record AuthLoginRequest(string? Tool);
