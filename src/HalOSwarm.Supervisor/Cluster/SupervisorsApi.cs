using HalOSwarm.Supervisor.Api;

namespace HalOSwarm.Supervisor.Cluster;

internal static class SupervisorsApi
{
    /// <summary><c>GET /api/v1/supervisors</c>: the supervisors sharing this database, which is alive and which leads.</summary>
    public static IEndpointRouteBuilder MapSupervisorsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/supervisors", async (ClusterQueries queries, CancellationToken cancellationToken) =>
            ApiResults.Ok(await queries.ListAsync(cancellationToken), ApiJsonContext.Default.ApiEnvelopeIReadOnlyListSupervisorDto));
        return endpoints;
    }
}
