namespace HalOSwarm.Supervisor.Tokens;

internal sealed partial class TokenStore
{
    [LoggerMessage(Level = LogLevel.Information, EventName = "token.created",
        Message = "Created {Kind} token {TokenId} named {TokenName} (role {Role}) for {Actor}")]
    private static partial void LogCreated(ILogger logger, string tokenId, string tokenName, string kind, string role, string actor);

    [LoggerMessage(Level = LogLevel.Information, EventName = "token.revoked",
        Message = "Revoked token {TokenId} named {TokenName} for {Actor}")]
    private static partial void LogRevoked(ILogger logger, string tokenId, string tokenName, string actor);
}
