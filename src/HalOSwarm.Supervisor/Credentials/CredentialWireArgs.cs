namespace HalOSwarm.Supervisor.Credentials;

/// <summary>
/// A <c>credentials_push</c> command's args on the wire: the stored <c>{tool, version}</c> plus the kind and the decrypted
/// <see cref="Content"/> (kind file) or <see cref="Env"/> (kind env). Built for one frame and never stored.
/// </summary>
internal sealed record CredentialWireArgs(string Tool, int Version, string Kind, string? Content, IReadOnlyDictionary<string, string>? Env);
