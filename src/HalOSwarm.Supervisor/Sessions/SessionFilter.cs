namespace HalOSwarm.Supervisor.Sessions;

internal sealed record SessionFilter(string? Project, string? Status, string? NodeId, int Limit, string? AfterStartedAt, string? AfterSessionId);
