namespace HalOSwarm.Protocol;

/// <summary>
/// The normalized event vocabulary. Agents emit the session, message, tool, usage, permission and
/// task types; the supervisor records the node types itself. Each type's data record is in Events/.
/// </summary>
public static class EventTypes
{
    /// <summary><see cref="Events.SessionCreatedData"/></summary>
    public const string SessionCreated = "session.created";
    /// <summary>The session is working on a turn. <see cref="Events.SessionStatusData"/></summary>
    public const string SessionRunning = "session.running";
    /// <summary>The turn ended; the session waits for input. <see cref="Events.SessionStatusData"/></summary>
    public const string SessionIdle = "session.idle";
    /// <summary>The runtime retries after a provider error. <see cref="Events.SessionRetryData"/></summary>
    public const string SessionRetry = "session.retry";
    /// <summary>The context was summarized. <see cref="Events.SessionStatusData"/></summary>
    public const string SessionCompacted = "session.compacted";
    /// <summary><see cref="Events.SessionErrorData"/></summary>
    public const string SessionError = "session.error";
    /// <summary>The session finished for good. <see cref="Events.SessionStatusData"/></summary>
    public const string SessionCompleted = "session.completed";
    /// <summary>The session was deleted in the runtime. <see cref="Events.SessionStatusData"/></summary>
    public const string SessionDeleted = "session.deleted";
    /// <summary>Title or model changed. <see cref="Events.SessionUpdatedData"/></summary>
    public const string SessionUpdated = "session.updated";

    /// <summary>What the session is doing (finer than running/idle). <see cref="Events.SessionActivityData"/></summary>
    public const string SessionActivity = "session.activity";

    /// <summary>Streamed text. <see cref="Events.MessageDeltaData"/></summary>
    public const string MessageDelta = "message.delta";
    /// <summary>A whole message (user or assistant) once it is finished. <see cref="Events.MessageCompletedData"/></summary>
    public const string MessageCompleted = "message.completed";

    /// <summary><see cref="Events.ToolStartedData"/></summary>
    public const string ToolStarted = "tool.started";
    /// <summary><see cref="Events.ToolFinishedData"/></summary>
    public const string ToolFinished = "tool.finished";

    /// <summary>Tokens and cost of one finished assistant message. <see cref="Events.UsageData"/></summary>
    public const string Usage = "usage";

    /// <summary><see cref="Events.PermissionAskedData"/></summary>
    public const string PermissionAsked = "permission.asked";
    /// <summary><see cref="Events.PermissionRepliedData"/></summary>
    public const string PermissionReplied = "permission.replied";

    /// <summary>The session ended and its git worktree was clean: removed with its branch. <see cref="Events.WorktreeData"/></summary>
    public const string WorktreeRemoved = "worktree.removed";
    /// <summary>The session ended but its worktree holds uncommitted changes or unmerged commits: kept. <see cref="Events.WorktreeData"/></summary>
    public const string WorktreeKept = "worktree.kept";

    /// <summary>The project's task file changed. <see cref="Events.TaskProgressData"/></summary>
    public const string TaskProgress = "task.progress";

    /// <summary>
    /// The project reached its milestone: <c>.context/PROGRESS.md</c> says it is done.
    /// <see cref="Events.ProjectDoneData"/>; sent with no session id.
    /// </summary>
    public const string ProjectDone = "project.done";

    /// <summary>Recorded by the supervisor: a session waits for a person (a permission request, a question).</summary>
    public const string SessionNeedsInput = "session.needs_input";

    /// <summary>Prefix of the supervisor's policy decisions (<c>policy.resume_on_idle</c>, <c>policy.kill_on_cost</c>…).</summary>
    public const string PolicyPrefix = "policy.";

    /// <summary>Recorded by the supervisor: a dependent project was started because its dependencies are done.</summary>
    public const string DependencyTriggered = "dependency.triggered";

    /// <summary>Recorded by the supervisor: a project's environment check on a node found items missing or wrong.</summary>
    public const string EnvCheckFailed = "env.check.failed";
    /// <summary>Recorded by the supervisor: an item that was ready on a node is not any more (AGENT.md edited, a tool gone).</summary>
    public const string EnvDriftDetected = "env.drift.detected";
    /// <summary>Recorded by the supervisor: fixes were applied to a project's environment on a node (by itself or approved).</summary>
    public const string EnvProvisioned = "env.provisioned";
    /// <summary>Recorded by the supervisor: a risky fix (installing a tool) waits for an operator's approval.</summary>
    public const string EnvProposal = "env.proposal";

    /// <summary>Sent by the agent with no session id: one tool's login status changed (or was asked for).</summary>
    public const string AuthStatus = "auth.status";
    /// <summary>Sent by the agent: a device-code login waits for a person to open the URL and enter the code.</summary>
    public const string AuthLoginPending = "auth.login.pending";
    /// <summary>Sent by the agent: a device-code login finished and the tool is logged in.</summary>
    public const string AuthLoginSucceeded = "auth.login.succeeded";
    /// <summary>Sent by the agent: a device-code login failed, expired or needs a manual login (with the steps).</summary>
    public const string AuthLoginFailed = "auth.login.failed";
    /// <summary>Sent by the agent with no session id: a tool's credentials are (or are no longer) the pushed version.</summary>
    public const string CredentialsState = "credentials.state";

    /// <summary>Recorded by the supervisor: a governance charter rule refused or stopped something; data names the rule.</summary>
    public const string CharterViolation = "charter.violation";

    /// <summary>Recorded by the supervisor. <see cref="Events.NodeStatusData"/></summary>
    public const string NodeOnline = "node.online";
    /// <summary>Recorded by the supervisor. <see cref="Events.NodeStatusData"/></summary>
    public const string NodeOffline = "node.offline";
}
