namespace HalOSwarm.Ctl.Api;

/// <summary>A node's logins and credential sync, from <c>GET /api/v1/auth/nodes/{node}</c>.</summary>
internal sealed record NodeAuthDto(string NodeId, string NodeStatus, string CredentialSync, int CredentialVersion, IReadOnlyList<ToolAuthStatusDto> Tools);
