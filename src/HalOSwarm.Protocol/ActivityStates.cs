namespace HalOSwarm.Protocol;

/// <summary>
/// A session's activity state (<c>session.activity</c>): the nine states screen-watching runtimes
/// tell apart. Structured runtimes report the subset they know (working, waiting_for_input, idle, error).
/// </summary>
public static class ActivityStates
{
    public const string Initializing = "initializing";
    public const string Working = "working";
    public const string Thinking = "thinking";
    public const string Testing = "testing";
    public const string WaitingForInput = "waiting_for_input";
    public const string Idle = "idle";
    public const string Stuck = "stuck";
    public const string Error = "error";
    public const string Complete = "complete";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Initializing, Working, Thinking, Testing, WaitingForInput, Idle, Stuck, Error, Complete,
    };
}
