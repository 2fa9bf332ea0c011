using Microsoft.OpenApi;

namespace HalOSwarm.Supervisor.Api.OpenApi;

/// <summary>
/// The OpenAPI document of the HTTP API, <c>GET /openapi/v1.json</c>, generated from the mapped endpoints
/// (Microsoft.AspNetCore.OpenApi) and completed by <see cref="SupervisorDocumentTransformer"/> and
/// <see cref="SupervisorOperationTransformer"/>: the bearer scheme, each operation's role, the envelopes, a tag per feature.
/// It needs a token like the rest of the API (docs/SECURITY.md says why).
/// </summary>
internal static class OpenApiServiceCollectionExtensions
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddSupervisorOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(DocumentName, options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            // The document describes the HTTP API port; the agent socket is the agents' protocol (docs/PROTOCOL.md).
            // The dashboard's pages, static files and live connection are for its browser pages, not programs.
            options.ShouldInclude = description => !description.ActionDescriptor.EndpointMetadata.OfType<AgentPortMetadata>().Any()
                && !BrowserOnlyEndpoints.Contains(description.ActionDescriptor.EndpointMetadata, description.RelativePath);
            options.AddOperationTransformer<SupervisorOperationTransformer>();
            options.AddDocumentTransformer<SupervisorDocumentTransformer>();
        });
        return services;
    }

    /// <summary>Maps <c>GET /openapi/v1.json</c> (the one document: no name to guess); a viewer token reads it (the default policy).</summary>
    public static IEndpointRouteBuilder MapSupervisorOpenApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi($"/openapi/{DocumentName}.json").RequireAuthorization();
        return endpoints;
    }
}
