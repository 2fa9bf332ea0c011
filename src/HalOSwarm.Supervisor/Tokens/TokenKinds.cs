namespace HalOSwarm.Supervisor.Tokens;

/// <summary>What a token is for: the HTTP API (a user, with a role) or the agent socket (one node).</summary>
internal static class TokenKinds
{
    public const string User = "user";
    public const string Node = "node";

    /// <summary><c>server.auth_token</c>: the bootstrap admin, which may also connect as any node.</summary>
    public const string Server = "server";
}
