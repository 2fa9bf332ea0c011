namespace HalOSwarm.Supervisor.Commands;

internal static class CommandStates
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string TimedOut = "timed_out";
}
