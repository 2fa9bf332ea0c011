namespace HalOSwarm.Protocol;

/// <summary>Command types an agent executes.</summary>
public static class CommandTypes
{
    /// <summary>
    /// Create a session in <c>project</c>; args: <c>{prompt?, title?, model?, runtime?, worktree?}</c> (runtime:
    /// another of the node's runtimes than the project's; worktree: true for an isolated git worktree);
    /// result: <c>{session_id}</c>.
    /// </summary>
    public const string Start = "start";
    /// <summary>Send text to a session; args: <c>{text}</c>.</summary>
    public const string Prompt = "prompt";
    /// <summary>Same as <see cref="Prompt"/> (text into a session; queued while the session is busy).</summary>
    public const string Inject = "inject";
    /// <summary>Stop the session's current turn.</summary>
    public const string Abort = "abort";
    /// <summary>End the session and delete it in the runtime.</summary>
    public const string Kill = "kill";
    /// <summary>Report the runtime's view of a session; result: <c>{status, ...}</c>.</summary>
    public const string Status = "status";
    /// <summary>Answer a permission request of the session's agent program; args: <c>{permission_id, reply: once|always|reject}</c>.</summary>
    public const string PermissionReply = "permission_reply";

    /// <summary>List the sessions of <c>project</c> running in its runtime that the agent does not track yet; result: <c>{sessions:[{external_id, title, directory, last_activity_at}]}</c>.</summary>
    public const string ListAdoptable = "list_adoptable";
    /// <summary>Bring a running session of <c>project</c> under supervision without restarting it; args: <c>{external_id}</c>; result: <c>{session_id}</c>.</summary>
    public const string Adopt = "adopt";

    public static bool IsKnown(string type) => type is Start or Prompt or Inject or Abort or Kill or Status or PermissionReply or ListAdoptable or Adopt;

    /// <summary>Types that name a project rather than a session.</summary>
    public static bool TargetsProject(string type) => type is Start or ListAdoptable or Adopt;
}
