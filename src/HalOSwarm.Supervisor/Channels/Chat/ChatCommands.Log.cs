namespace HalOSwarm.Supervisor.Channels.Chat;

internal sealed partial class ChatCommands
{
    [LoggerMessage(Level = LogLevel.Information, EventName = "chat.forbidden",
        Message = "Refused chat command {command} of {actor} (role {role})")]
    private static partial void LogForbidden(ILogger logger, string actor, string command, string role);
}
