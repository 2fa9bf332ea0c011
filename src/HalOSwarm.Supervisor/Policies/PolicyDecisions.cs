namespace HalOSwarm.Supervisor.Policies;

/// <summary>The <c>decision</c> of a <c>policy.*</c> event.</summary>
internal static class PolicyDecisions
{
    public const string Resume = "resume";
    public const string Restart = "restart";
    public const string Kill = "kill";
    public const string Abort = "abort";
    public const string Alert = "alert";
    public const string CapReached = "cap_reached";
    public const string Skipped = "skipped";
    public const string Scheduled = "scheduled";
}
