namespace HalOSwarm.Supervisor.Channels.Telegram;

internal sealed partial class TelegramReceiver
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram bot @{bot_username} ready in {mode} mode with {command_count} commands")]
    private static partial void LogReady(ILogger logger, string bot_username, string mode, int command_count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram {operation} failed: {reason}; retrying in {retry_after_s} s")]
    private static partial void LogFailed(ILogger logger, string operation, string reason, double retry_after_s);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram update {update_id} could not be handled: {reason}")]
    private static partial void LogUpdateFailed(ILogger logger, long update_id, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Telegram update {update_id} was handled before; skipped")]
    private static partial void LogSkipped(ILogger logger, long update_id);
}
