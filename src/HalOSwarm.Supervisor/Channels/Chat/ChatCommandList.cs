using HalOSwarm.Supervisor.Tokens;

namespace HalOSwarm.Supervisor.Channels.Chat;

/// <summary>The chat commands every platform offers, in the order they list them; reading ones need viewer, acting ones operator.</summary>
internal static class ChatCommandList
{
    public const string Status = "status";
    public const string Nodes = "nodes";
    public const string Logs = "logs";
    public const string Start = "start";
    public const string Inject = "inject";
    public const string Resume = "resume";
    public const string Restart = "restart";
    public const string Kill = "kill";
    public const string Abort = "abort";
    public const string Cost = "cost";
    public const string Approvals = "approvals";
    public const string Budget = "budget";

    private static readonly ChatOptionSpec s_session = new("session", "The session id (autocompleted)", true, ChatOptionKind.Session);

    public static readonly IReadOnlyList<ChatCommandSpec> All =
    [
        new(Status, "Sessions and nodes at a glance, optionally of one project",
            [new("project", "Only this project's sessions", false, ChatOptionKind.Text)], TokenRoles.Viewer, false),
        new(Nodes, "The nodes, their state and their sessions", [], TokenRoles.Viewer, false),
        new(Logs, $"The last lines of a session's transcript (default {ChatLimits.DefaultLogLines}, at most {ChatLimits.MaxLogLines})",
            [s_session, new("n", $"How many lines (1-{ChatLimits.MaxLogLines})", false, ChatOptionKind.Integer)], TokenRoles.Viewer, false),
        new(Start, "Start a session in a project, with a first prompt",
            [new("project", "The project to start a session in", true, ChatOptionKind.Text),
             new("prompt", "What the session should do first", false, ChatOptionKind.RestOfLine)], TokenRoles.Operator, true),
        new(Inject, "Send a message to a session (it waits for the current turn)",
            [s_session, new("text", "The message", true, ChatOptionKind.RestOfLine)], TokenRoles.Operator, true),
        new(Resume, "Tell an idle session to continue", [s_session], TokenRoles.Operator, true),
        new(Restart, "Hand a session over to a fresh one (summary, kill, start)", [s_session], TokenRoles.Operator, true),
        new(Kill, "Stop a session for good", [s_session], TokenRoles.Operator, true),
        new(Abort, "Stop a session's current turn; the session stays", [s_session], TokenRoles.Operator, true),
        new(Cost, "Spend of today, this week or this month, per project",
            [new("period", "today, week or month (default today)", false, ChatOptionKind.Text)], TokenRoles.Viewer, false),
        new(Approvals, "Permission requests waiting for an answer", [], TokenRoles.Viewer, false),
        new(Budget, "The budgets and how much of each is spent, or one budget in detail",
            [new("name", "One budget's name", false, ChatOptionKind.Text)], TokenRoles.Viewer, false),
    ];

    public static ChatCommandSpec? Find(string name) => All.FirstOrDefault(c => c.Name == name);

    /// <summary><c>/logs &lt;session&gt; [n]</c>: required options in angle brackets, optional ones in square brackets.</summary>
    public static string Usage(ChatCommandSpec spec) =>
        "/" + spec.Name + string.Concat(spec.Options.Select(o => o.Required ? $" <{o.Name}>" : $" [{o.Name}]"));
}
