namespace HalOSwarm.Supervisor.Channels.Telegram;

/// <summary>The checks of <c>channels.telegram</c>, and its notes (credentials that are placeholders: not configured).</summary>
internal static class TelegramChecks
{
    public static void Check(TelegramOptions options, List<string> errors)
    {
    }

    public static void Notes(TelegramOptions options, List<string> notes)
    {
    }
}
