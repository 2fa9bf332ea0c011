namespace HalOSwarm.Supervisor.Dashboard.Session;

/// <summary>What a line of the session page's transcript shows (public for component parameters).</summary>
public enum TranscriptEntryKind
{
    /// <summary>A prompt the session was given (a user message).</summary>
    User,

    /// <summary>The agent's text, growing while it streams.</summary>
    Assistant,

    /// <summary>A tool call with its input and, once it finished, its output.</summary>
    Tool,

    /// <summary>A permission request (answerable while pending).</summary>
    Permission,

    /// <summary>An error the session reported.</summary>
    Error,
}
