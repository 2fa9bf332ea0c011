namespace HalOSwarm.Ctl.Api;

/// <summary>One node of <c>GET /api/v1/credentials/drift</c>: its sync state, the version it reports, and each tool's.</summary>
internal sealed record CredentialSyncDto(string NodeId, string State, int Version, IReadOnlyList<ToolCredentialSyncDto>? Tools);

/// <summary>One tool's pushed version against the version the node applied.</summary>
internal sealed record ToolCredentialSyncDto(string Tool, string State, int? PushedVersion, int? NodeVersion);
