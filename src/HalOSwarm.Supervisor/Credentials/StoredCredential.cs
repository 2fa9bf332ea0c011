namespace HalOSwarm.Supervisor.Credentials;

/// <summary>One row of the <c>credentials</c> table: the metadata and the sealed secret (never leaves the supervisor but on the wire).</summary>
internal sealed record StoredCredential(string NodeId, string Tool, int Version, string Kind, string KeyId, byte[] Nonce, byte[] Sealed,
    DateTimeOffset CreatedAt, string CreatedBy);
