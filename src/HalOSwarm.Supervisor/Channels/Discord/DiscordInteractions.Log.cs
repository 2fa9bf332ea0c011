namespace HalOSwarm.Supervisor.Channels.Discord;

internal sealed partial class DiscordInteractions
{
    [LoggerMessage(Level = LogLevel.Information, EventName = "discord.command", Message = "Discord command /{command} from {actor}")]
    private static partial void LogCommand(ILogger logger, string command, string actor);

    [LoggerMessage(Level = LogLevel.Information, EventName = "discord.click", Message = "Discord button {button_id} from {actor}: acted {acted}")]
    private static partial void LogClick(ILogger logger, string button_id, string actor, bool acted);

    [LoggerMessage(Level = LogLevel.Warning, EventName = "discord.follow_up_failed", Message = "Discord: the answer after an interaction failed: {reason}")]
    private static partial void LogFollowUpFailed(ILogger logger, string reason);
}
