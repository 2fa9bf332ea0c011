namespace HalOSwarm.Supervisor.Channels.Telegram;

internal sealed partial class TelegramUpdateHandler
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram command /{command} from user {user_id} in chat {chat_id} (refused: {refused})")]
    private static partial void LogCommand(ILogger logger, string command, long user_id, long chat_id, bool refused);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram button click from user {user_id} in chat {chat_id} (acted: {acted})")]
    private static partial void LogClick(ILogger logger, long user_id, long chat_id, bool acted);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram command from user {user_id}, who is not a listed chat user, refused")]
    private static partial void LogStranger(ILogger logger, long user_id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram refused the answer to user {user_id}'s click ({reason}); the alert is edited all the same")]
    private static partial void LogLateAnswer(ILogger logger, long user_id, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram rate-limited a reply to chat {chat_id}; retrying in {retry_after_s} s")]
    private static partial void LogRateLimited(ILogger logger, long chat_id, double retry_after_s);
}
