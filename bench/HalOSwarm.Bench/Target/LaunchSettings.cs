namespace HalOSwarm.Bench.Target;

/// <summary>How the bench starts its own supervisor for a scenario.</summary>
internal sealed record LaunchSettings(
    string SupervisorDll,
    int HeartbeatIntervalSec,
    int HeartbeatTimeoutCount,
    string LogLevel,
    bool KeepFiles,
    string? Synchronous = null);
