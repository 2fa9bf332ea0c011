using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Tokens;

/// <summary>Store a new token with its secret's hash; fails (a broken constraint) when an active token has its name.</summary>
internal sealed record TokenInsert(ApiToken Token, string SecretSha256) : AwaitedWrite;
