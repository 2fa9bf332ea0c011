namespace HalOSwarm.Supervisor.Credentials;

/// <summary>What the audit keeps of a push (action <c>credentials.push</c>): never the content, nor its digest or size.</summary>
internal sealed record CredentialAuditArgs(string NodeId, string Tool, string Kind, int Version);
