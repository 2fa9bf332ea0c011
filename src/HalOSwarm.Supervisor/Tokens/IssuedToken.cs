namespace HalOSwarm.Supervisor.Tokens;

/// <summary>A token just created, with its secret: the only time the secret is ever shown.</summary>
internal sealed record IssuedToken(ApiToken Token, string Secret);
