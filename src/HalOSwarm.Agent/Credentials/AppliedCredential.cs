namespace HalOSwarm.Agent.Credentials;

/// <summary>
/// What the agent applied for one tool: the pushed version, its kind, the file it wrote (the tool's auth file, or the env
/// pairs' file in the state directory) and the SHA-256 of exactly what it wrote, to tell a change by hand.
/// </summary>
internal sealed record AppliedCredential(int Version, string Kind, string Path, string Sha256);
