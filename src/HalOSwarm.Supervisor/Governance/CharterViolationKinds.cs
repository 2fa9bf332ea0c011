namespace HalOSwarm.Supervisor.Governance;

/// <summary>The <c>kind</c> of a <c>charter.violation</c>: which sort of rule refused or stopped something.</summary>
internal static class CharterViolationKinds
{
    /// <summary>A start refused: the node already runs <c>max_sessions_per_node</c> active sessions.</summary>
    public const string SessionsPerNode = "sessions_per_node";

    /// <summary>A start refused: the project already runs <c>max_sessions_per_project</c> active sessions.</summary>
    public const string SessionsPerProject = "sessions_per_project";

    /// <summary>A prompt, inject or resume refused: the session had <c>max_prompts_per_hour</c> in the last hour.</summary>
    public const string PromptsPerHour = "prompts_per_hour";

    /// <summary>A session killed for running longer than <c>max_session_minutes</c>.</summary>
    public const string SessionMinutes = "session_minutes";

    /// <summary>A tool call rejected by a <c>deny</c> rule.</summary>
    public const string ToolDenied = "tool_denied";
}
