namespace HalOSwarm.Supervisor.Tokens;

internal sealed partial class TokenStore
{
    [LoggerMessage(Level = LogLevel.Information, EventName = "token.created",
        Message = "Created {kind} token {token_id} named {token_name} (role {role}) for {actor}")]
    private static partial void LogCreated(ILogger logger, string token_id, string token_name, string kind, string role, string actor);

    [LoggerMessage(Level = LogLevel.Information, EventName = "token.revoked",
        Message = "Revoked token {token_id} named {token_name} for {actor}")]
    private static partial void LogRevoked(ILogger logger, string token_id, string token_name, string actor);
}
