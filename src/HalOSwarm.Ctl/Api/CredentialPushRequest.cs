namespace HalOSwarm.Ctl.Api;

/// <summary>Body of <c>POST /api/v1/credentials/push</c>: an auth file's <see cref="Content"/> or <see cref="Env"/> pairs.</summary>
internal sealed record CredentialPushRequest(string NodeId, string Tool, string Kind, string? Content, IReadOnlyDictionary<string, string>? Env);
