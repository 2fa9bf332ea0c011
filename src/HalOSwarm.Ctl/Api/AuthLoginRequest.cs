namespace HalOSwarm.Ctl.Api;

/// <summary>Body of <c>POST /api/v1/auth/nodes/{node}/login</c>.</summary>
internal sealed record AuthLoginRequest(string Tool);
