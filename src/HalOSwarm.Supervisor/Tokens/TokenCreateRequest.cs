namespace HalOSwarm.Supervisor.Tokens;

/// <summary>The body of <c>POST /api/v1/tokens</c>.</summary>
internal sealed record TokenCreateRequest(string? Name, string? Role);
