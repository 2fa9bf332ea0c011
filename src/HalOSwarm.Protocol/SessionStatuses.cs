namespace HalOSwarm.Protocol;

/// <summary>The statuses a tracked session can have.</summary>
public static class SessionStatuses
{
    public const string Starting = "starting";
    public const string Running = "running";
    public const string Idle = "idle";
    public const string Error = "error";
    public const string Completed = "completed";
    public const string Unreachable = "unreachable";
    public const string Killed = "killed";

    public static readonly IReadOnlyList<string> All = [Starting, Running, Idle, Error, Completed, Unreachable, Killed];

    /// <summary>A session in one of these states is over; nothing moves it again.</summary>
    public static bool IsTerminal(string status) => status is Completed or Killed;
}
