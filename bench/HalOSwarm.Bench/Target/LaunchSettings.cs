using System.Text.Json;

namespace HalOSwarm.Bench.Target;

/// <summary>
/// How the bench starts its own supervisor for a scenario (<see cref="Channels"/>: its <c>channels</c> section, if any).
/// With <see cref="PostgresDatabase"/> it runs on that PostgreSQL database instead of a SQLite file of its own.
/// </summary>
internal sealed record LaunchSettings(
    string SupervisorDll,
    int HeartbeatIntervalSec,
    int HeartbeatTimeoutCount,
    string LogLevel,
    bool KeepFiles,
    string? Synchronous = null,
    JsonElement? Channels = null,
    string? PostgresDatabase = null);
