namespace HalOSwarm.Supervisor.Credentials;

/// <summary>A <c>credentials_push</c> command's args as stored, audited and shown: which version of which tool, nothing secret.</summary>
internal sealed record CredentialPushArgs(string Tool, int Version);
