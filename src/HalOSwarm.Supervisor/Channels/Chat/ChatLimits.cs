namespace HalOSwarm.Supervisor.Channels.Chat;

/// <summary>
/// The bounds of a reply, within what every platform shows in one message (Discord 2,000 characters of content, Slack's
/// and Telegram's limits are larger), and of a command's input.
/// </summary>
internal static class ChatLimits
{
    /// <summary>Characters of a reply's preformatted block (a table, log lines).</summary>
    public const int MaxPreformattedChars = 1800;

    /// <summary>Rows of a table.</summary>
    public const int MaxRows = 20;

    /// <summary>Characters of one log line before it is cut.</summary>
    public const int MaxLogLineChars = 200;

    public const int DefaultLogLines = 20;
    public const int MaxLogLines = 50;

    /// <summary>Characters of a prompt or injected text from chat (platforms' own limits are lower: Discord 6,000, Slack 4,000).</summary>
    public const int MaxTextChars = 8000;

    /// <summary>Characters of one argument shown back in a refusal.</summary>
    public const int MaxShownArgChars = 64;

    /// <summary>How long an acting command waits for the agent before the reply says what is still under way.</summary>
    public static readonly TimeSpan ActionWait = TimeSpan.FromSeconds(10);

    /// <summary>Suggestions of an autocomplete (Discord shows at most 25).</summary>
    public const int MaxSuggestions = 25;
}
