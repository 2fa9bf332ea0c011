namespace HalOSwarm.Supervisor.Channels.Slack;

/// <summary>The checks of <c>channels.slack</c>, and its notes (credentials that are placeholders: not configured).</summary>
internal static class SlackChecks
{
    public static void Check(SlackOptions options, List<string> errors)
    {
    }

    public static void Notes(SlackOptions options, List<string> notes)
    {
    }
}
