using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.OpenApi;

namespace HalOSwarm.Supervisor.Api.OpenApi;

/// <summary>
/// Completes the document: title and version, the bearer scheme, the envelope schemas, one tag per feature, and the
/// endpoints the generator cannot see because they are request pipelines rather than handlers (<c>GET /metrics</c>).
/// Left out on purpose: endpoints marked <c>ExcludeFromDescription</c> (the chat platforms' signed hooks, the document
/// itself), the agent port's socket and the fallback for unknown paths.
/// </summary>
internal sealed class SupervisorDocumentTransformer(EndpointDataSource endpoints) : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "hal-supervisor HTTP API",
            Version = "v1",
            Description = "The control plane of a fleet of coding agents. Every answer is an envelope: {data, meta} or {error, code, details?}. "
                + "docs/API.md describes each endpoint's data, limits and errors; the client WebSocket's messages are there too.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[OpenApiShapes.BearerScheme] = OpenApiShapes.Bearer();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[OpenApiShapes.ErrorSchema] = OpenApiShapes.Error();
        document.Components.Schemas[OpenApiShapes.EnvelopeSchema] = OpenApiShapes.Envelope();
        AddUndescribed(document);
        document.Tags = new HashSet<OpenApiTag>(document.Paths.Values
            .SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(t => t.Name).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(name => new OpenApiTag { Name = name }));
        return Task.CompletedTask;
    }

    private void AddUndescribed(OpenApiDocument document)
    {
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            var metadata = endpoint.Metadata;
            if (metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is { ExcludeFromDescription: true }
                || metadata.GetMetadata<AgentPortMetadata>() is not null
                || BrowserOnlyEndpoints.Contains(metadata, endpoint.RoutePattern.RawText)
                || endpoint.RoutePattern.RawText is null
                || endpoint.RoutePattern.Parameters.Any(p => p.IsCatchAll)
                || metadata.GetMetadata<System.Reflection.MethodInfo>() is not null)
            {
                continue; // left out, or a handler the generator described itself
            }
            var path = Path(endpoint.RoutePattern);
            if (!document.Paths.TryGetValue(path, out var item))
            {
                item = new OpenApiPathItem();
                document.Paths[path] = item;
            }
            var pathItem = (OpenApiPathItem)item;
            pathItem.Operations ??= [];
            foreach (var method in metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                var operation = new OpenApiOperation();
                SupervisorOperationTransformer.Describe(operation, document, method, path, FeatureOf(path), [.. metadata]);
                pathItem.Operations[new HttpMethod(method)] = operation;
            }
        }
    }

    private static string FeatureOf(string path) => path == "/metrics" ? "Observability" : "Other";

    private static string Path(RoutePattern pattern) =>
        "/" + string.Join("/", pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            _ => "",
        }))));
}
