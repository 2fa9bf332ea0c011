namespace HalOSwarm.Supervisor.Commands;

/// <summary>Filters of <c>GET /api/v1/commands</c>; the cursor is the (created_at, command_id) of the last row returned.</summary>
internal sealed record CommandFilter(
    string? SessionId,
    string? State,
    string? NodeId,
    string? Type,
    int Limit,
    string? AfterCreatedAt = null,
    string? AfterCommandId = null);
