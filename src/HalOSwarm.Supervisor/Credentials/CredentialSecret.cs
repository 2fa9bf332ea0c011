namespace HalOSwarm.Supervisor.Credentials;

/// <summary>The secret part of a pushed version, as it is sealed: an auth file's <see cref="Content"/> or <see cref="Env"/> pairs.</summary>
internal sealed record CredentialSecret(string? Content, IReadOnlyDictionary<string, string>? Env);
