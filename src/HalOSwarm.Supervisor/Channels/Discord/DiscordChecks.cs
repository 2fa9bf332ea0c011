using HalOSwarm.Supervisor.Configuration;

namespace HalOSwarm.Supervisor.Channels.Discord;

/// <summary>The checks of <c>channels.discord</c>, and its notes (credentials that are placeholders: not configured).</summary>
internal static class DiscordChecks
{
    public static void Check(DiscordOptions options, List<string> errors)
    {
    }

    public static void Notes(DiscordOptions options, List<string> notes)
    {
        if (PlaceholderValues.IsPlaceholder(options.BotToken))
        {
            notes.Add("channels.discord.bot_token: holds a placeholder, not a bot token; Discord is not configured (no alerts, no commands)");
        }
    }
}
