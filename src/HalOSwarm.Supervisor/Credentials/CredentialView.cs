namespace HalOSwarm.Supervisor.Credentials;

/// <summary>What <c>GET /api/v1/credentials</c> shows of a pushed version: metadata only, never the content or its digest.</summary>
internal sealed record CredentialView(string NodeId, string Tool, string Kind, int Version, DateTimeOffset CreatedAt, string CreatedBy);
