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

    /// <summary>
    /// Check a project's environment on this node against its manifest; args: <c>{items: [EnvItem]}</c>; result:
    /// <see cref="Environments.EnvCheckReport"/>.
    /// </summary>
    public const string EnvCheck = "env_check";
    /// <summary>
    /// Apply fixes to a project's environment; args: <c>{items: [EnvItem], dry_run?}</c> (only the items to apply);
    /// result: <see cref="Environments.EnvApplyReport"/>.
    /// </summary>
    public const string EnvApply = "env_apply";

    /// <summary>Report the login status of the node's agent programs now; result: <c>{tools: [AuthStatusData]}</c>.</summary>
    public const string AuthCheck = "auth_check";
    /// <summary>Run a tool's device-code login on the node; args: <c>{tool}</c>; progress comes as <c>auth.login.*</c> events.</summary>
    public const string AuthLogin = "auth_login";
    /// <summary>
    /// Apply pushed credentials to a tool's auth file or environment; args as stored: <c>{tool, version}</c>; the supervisor
    /// adds the decrypted content only on the wire, at delivery. Result: <c>{tool, version}</c>.
    /// </summary>
    public const string CredentialsPush = "credentials_push";

    public static bool IsKnown(string type) => type is Start or Prompt or Inject or Abort or Kill or Status or PermissionReply
        or ListAdoptable or Adopt or EnvCheck or EnvApply or AuthCheck or AuthLogin or CredentialsPush;

    /// <summary>Types that name a project rather than a session.</summary>
    public static bool TargetsProject(string type) => type is Start or ListAdoptable or Adopt or EnvCheck or EnvApply;

    /// <summary>Types that name only a node: they act on the machine, not on a project or a session.</summary>
    public static bool TargetsNode(string type) => type is AuthCheck or AuthLogin or CredentialsPush;
}
