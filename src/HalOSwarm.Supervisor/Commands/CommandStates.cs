namespace HalOSwarm.Supervisor.Commands;

/// <summary>
/// pending → sent → accepted → succeeded | failed | timed_out | cancelled; <c>held</c> (a gate such as a paused budget keeps it)
/// → pending once released.
/// </summary>
internal static class CommandStates
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Accepted = "accepted";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string TimedOut = "timed_out";
    public const string Cancelled = "cancelled";
    public const string Held = "held";

    public static readonly IReadOnlyList<string> All = [Pending, Sent, Accepted, Succeeded, Failed, TimedOut, Cancelled, Held];

    public static bool IsTerminal(string state) => state is Succeeded or Failed or TimedOut or Cancelled;

    /// <summary>A command that ended like this gives its idempotency key up to the next request with the same key.</summary>
    public static bool ReleasesKey(string state) => state is Failed or TimedOut or Cancelled;
}
