namespace HalOSwarm.Supervisor.Cost.Ledger;

/// <summary>What <c>GET /api/v1/sessions/{id}/cost</c> returns: the session's ledger rows summed.</summary>
internal sealed record SessionCostDto(
    string SessionId,
    string NodeId,
    string? Project,
    string? Runtime,
    SessionCostTotals Totals,
    IReadOnlyList<SessionCostByModel> ByModel,
    IReadOnlyList<SessionCostByDay> ByDay);
