namespace HalOSwarm.Protocol;

/// <summary>Machine-readable reasons a command failed.</summary>
public static class CommandErrorCodes
{
    public const string UnknownCommand = "unknown_command";
    public const string InvalidArgs = "invalid_args";
    public const string UnknownProject = "unknown_project";
    public const string UnknownSession = "unknown_session";
    public const string RuntimeUnavailable = "runtime_unavailable";
    public const string RuntimeError = "runtime_error";
    public const string DeadlineExceeded = "deadline_exceeded";
    public const string NodeOffline = "node_offline";
    /// <summary>The agent program has no pending permission request with that id (answered already, or never asked).</summary>
    public const string UnknownPermission = "unknown_permission";
    /// <summary>The agent stopped while the command ran; its outcome is unknown and it is not run again.</summary>
    public const string Interrupted = "interrupted";
    /// <summary>The runtime already runs as many sessions as its <c>max_sessions</c> allows on this node.</summary>
    public const string RuntimeAtCapacity = "runtime_at_capacity";
}
