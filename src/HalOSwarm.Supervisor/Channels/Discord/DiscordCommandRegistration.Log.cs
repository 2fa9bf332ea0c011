namespace HalOSwarm.Supervisor.Channels.Discord;

internal sealed partial class DiscordCommandRegistration
{
    [LoggerMessage(Level = LogLevel.Information, EventName = "discord.commands_registered", Message = "Discord: {count} slash commands registered in the guild")]
    private static partial void LogRegistered(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, EventName = "discord.commands_failed", Message = "Discord: registering the slash commands failed ({reason}); attempt {attempt}, again in {delay_ms} ms")]
    private static partial void LogFailed(ILogger logger, string reason, int attempt, long delay_ms);
}
