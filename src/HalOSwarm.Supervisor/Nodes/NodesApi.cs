using HalOSwarm.Supervisor.Api;

namespace HalOSwarm.Supervisor.Nodes;

internal static class NodesApi
{
    public static IEndpointRouteBuilder MapNodesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/nodes");
        group.MapGet("/", async (NodeQueries nodes, CancellationToken cancellationToken) =>
            ApiResults.Ok(await nodes.ListAsync(cancellationToken), ApiJsonContext.Default.ApiEnvelopeIReadOnlyListNodeDto));
        group.MapGet("/{nodeId}", async (string nodeId, NodeQueries nodes, CancellationToken cancellationToken) =>
            await nodes.GetAsync(nodeId, cancellationToken) is { } node
                ? ApiResults.Ok(node, ApiJsonContext.Default.ApiEnvelopeNodeDto)
                : ApiErrors.NotFound($"no node '{nodeId}'"));
        return endpoints;
    }
}
