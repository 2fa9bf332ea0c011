namespace HalOSwarm.Supervisor.Dashboard.Fleet;

/// <summary>One session as the fleet page lists it, with its attention rank (<see cref="FleetOrder"/>).</summary>
/// <remarks>Public because the (public) Razor component listing it takes it as a parameter.</remarks>
public sealed record FleetSessionRow(
    string SessionId,
    string NodeId,
    string? Project,
    string? Runtime,
    string Status,
    string? ActivityState,
    string? Model,
    string? Title,
    long Tokens,
    double CostUsd,
    string? CurrentTask,
    long? TaskDone,
    long? TaskTotal,
    string? LastError,
    DateTimeOffset? LastActivityAt,
    int Rank,
    bool PendingApproval);
