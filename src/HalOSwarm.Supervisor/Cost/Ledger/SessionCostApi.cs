using HalOSwarm.Supervisor.Api;

namespace HalOSwarm.Supervisor.Cost.Ledger;

/// <summary><c>GET /api/v1/sessions/{id}/cost</c> (viewer): what the ledger booked for one session.</summary>
internal static class SessionCostApi
{
    public static IEndpointRouteBuilder MapSessionCostApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/sessions/{sessionId}/cost", async (string sessionId, SessionCostQueries costs, CancellationToken cancellationToken) =>
            await costs.GetAsync(sessionId, cancellationToken) is { } cost
                ? ApiResults.Ok(cost, LedgerJsonContext.Default.ApiEnvelopeSessionCostDto)
                : ApiErrors.NotFound($"no session '{sessionId}'"));
        return endpoints;
    }
}
