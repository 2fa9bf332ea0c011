namespace HalOSwarm.Protocol;

/// <summary>
/// What the supervisor accepts from an agent, and what an agent checks before it sends: identifiers' character sets and
/// lengths, the highest seq, and the event type rule. Both daemons use these, so a conforming agent is never refused.
/// </summary>
public static class ProtocolLimits
{
    /// <summary>Node ids: 1-64 of <c>a-z 0-9 . _ -</c>, starting with a letter or digit. Lower case only, so two ids
    /// can never differ by case alone.</summary>
    public const int MaxNodeIdLength = 64;

    /// <summary>Session ids: 1-128 of <c>A-Z a-z 0-9 . _ : @ + = -</c>, starting with a letter or digit.</summary>
    public const int MaxSessionIdLength = 128;

    /// <summary>Event types: at most 64 characters (see <see cref="IsAgentEventType"/>).</summary>
    public const int MaxEventTypeLength = 64;

    /// <summary>Project names: 1-128 characters, no control characters and no <c>/</c>.</summary>
    public const int MaxProjectNameLength = 128;

    /// <summary>Free text in a hello (hostname, versions, titles, models, directories): at most this many characters, no control characters.</summary>
    public const int MaxLabelLength = 1024;

    /// <summary>Highest event seq (2^53 - 1, exact in every JSON reader); a node's counter stays far below it for centuries.</summary>
    public const long MaxSeq = (1L << 53) - 1;

    /// <summary>Most projects and most runtimes one hello may list.</summary>
    public const int MaxHelloProjects = 1000;

    /// <summary>Longest reason a runtime gives for being unavailable.</summary>
    public const int MaxReasonLength = 512;

    /// <summary>Most runtime names one hello may list.</summary>
    public const int MaxHelloRuntimes = 64;

    /// <summary>Types only the supervisor records; an agent that sends one is refused, so it cannot forge them.</summary>
    private static readonly string[] s_reservedPrefixes = ["node.", "policy.", "dependency.", "approval.", "supervisor.", "env.", "charter."];

    private static readonly HashSet<string> s_agentTypes = new(StringComparer.Ordinal)
    {
        EventTypes.SessionCreated, EventTypes.SessionRunning, EventTypes.SessionIdle, EventTypes.SessionRetry,
        EventTypes.SessionCompacted, EventTypes.SessionError, EventTypes.SessionCompleted, EventTypes.SessionDeleted,
        EventTypes.SessionUpdated, EventTypes.SessionActivity, EventTypes.MessageDelta, EventTypes.MessageCompleted, EventTypes.ToolStarted,
        EventTypes.ToolFinished, EventTypes.Usage, EventTypes.PermissionAsked, EventTypes.PermissionReplied,
        EventTypes.TaskProgress, EventTypes.ProjectDone, EventTypes.WorktreeRemoved, EventTypes.WorktreeKept,
    };

    public static bool IsNodeId(string? value) =>
        value is { Length: > 0 and <= MaxNodeIdLength } && IsLowerAlnum(value[0]) && value.All(c => IsLowerAlnum(c) || c is '.' or '_' or '-');

    public static bool IsSessionId(string? value) =>
        value is { Length: > 0 and <= MaxSessionIdLength } && char.IsAsciiLetterOrDigit(value[0])
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '@' or '+' or '=' or '-');

    /// <summary>Command ids as the supervisor makes them: at most 64 characters of the session id alphabet.</summary>
    public static bool IsCommandId(string? value) => value is { Length: <= 64 } && IsSessionId(value);

    public static bool IsProjectName(string? value) =>
        value is { Length: > 0 and <= MaxProjectNameLength } && value.Trim().Length == value.Length && value.All(c => !char.IsControl(c) && c != '/');

    /// <summary>Free text a person reads: bounded, and no control characters (no line breaks, no terminal escapes).</summary>
    public static bool IsLabel(string? value, int maxLength = MaxLabelLength) =>
        value is null || (value.Length <= maxLength && !value.Any(char.IsControl));

    /// <summary>
    /// A type an agent may send: one of the documented vocabulary (<see cref="EventTypes"/>), or an extension of two to
    /// four dot-separated lower-case words (<c>a-z 0-9 _</c>, each starting with a letter) outside the supervisor's own
    /// namespaces (<c>node.</c>, <c>policy.</c>, <c>dependency.</c>, <c>approval.</c>, <c>supervisor.</c>, <c>env.</c>, and
    /// <c>session.needs_input</c>).
    /// </summary>
    public static bool IsAgentEventType(string? value)
    {
        if (value is null || value.Length is 0 or > MaxEventTypeLength)
        {
            return false;
        }
        if (s_agentTypes.Contains(value))
        {
            return true;
        }
        if (value == EventTypes.SessionNeedsInput || s_reservedPrefixes.Any(p => value.StartsWith(p, StringComparison.Ordinal)))
        {
            return false;
        }
        var words = value.Split('.');
        return words.Length is >= 2 and <= 4
            && words.All(w => w.Length > 0 && char.IsAsciiLetterLower(w[0]) && w.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'));
    }

    /// <summary>Why <paramref name="value"/> is not a node id, or null when it is one.</summary>
    public static string? NodeIdProblem(string? value) => IsNodeId(value)
        ? null
        : $"node_id must be 1-{MaxNodeIdLength} characters of a-z 0-9 . _ - starting with a letter or digit";

    private static bool IsLowerAlnum(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);
}
