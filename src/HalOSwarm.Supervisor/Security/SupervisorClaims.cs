namespace HalOSwarm.Supervisor.Security;

/// <summary>Claim types the supervisor's authentication issues.</summary>
internal static class SupervisorClaims
{
    /// <summary>Which token authenticated the caller (<c>server</c> or a <c>tok_…</c> id); per-token limits key on it.</summary>
    public const string TokenId = "hal:token_id";

    /// <summary><c>server</c>, <c>user</c> or <c>node</c> (<see cref="Tokens.TokenKinds"/>).</summary>
    public const string TokenKind = "hal:token_kind";

    /// <summary>The node id a node token binds; absent for the server token, which may connect as any node.</summary>
    public const string NodeId = "hal:node_id";

    /// <summary>How the audit log names the caller: <c>api:admin</c> for the server token, <c>token:NAME</c> otherwise.</summary>
    public const string Actor = "hal:actor";

    /// <summary>
    /// In a dashboard cookie made from the server token: a digest of the token the supervisor had then
    /// (<see cref="BearerTokenValidator.ServerTokenCheck"/>), so changing <c>server.auth_token</c> ends those cookies.
    /// </summary>
    public const string ServerTokenCheck = "hal:server_check";
}
