using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace HalOSwarm.Supervisor.Api.OpenApi;

/// <summary>
/// Completes each generated operation: its feature as the tag, an operation id, the bearer requirement and the role it
/// needs (none for the anonymous ones), the error envelope for 401/403 and every other error, and the success envelope
/// for JSON answers. The handlers return <c>IResult</c>s, so the generator alone knows only paths and methods.
/// </summary>
internal sealed class SupervisorOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var path = "/" + (description.RelativePath ?? "");
        var method = description.HttpMethod ?? "GET";
        var feature = FeatureOf(metadata.OfType<MethodInfo>().FirstOrDefault());
        Describe(operation, context.Document, method, path, feature, metadata);
        return Task.CompletedTask;
    }

    /// <summary>Shared with the document transformer, which adds the endpoints the generator cannot see.</summary>
    public static void Describe(OpenApiOperation operation, OpenApiDocument? document, string method, string path, string feature, IEnumerable<object> metadata)
    {
        operation.Tags ??= new HashSet<OpenApiTagReference>();
        operation.Tags.Clear();
        operation.Tags.Add(new OpenApiTagReference(feature, document));
        operation.OperationId ??= OperationId(method, path);
        operation.Responses ??= [];
        var role = RoleOf(metadata);
        if (role is null)
        {
            operation.Security = [];
            operation.Description = Append(operation.Description, "No token needed.");
        }
        else
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OpenApiShapes.BearerScheme, document)] = [] }];
            operation.Description = Append(operation.Description, $"Role: {role} (or above).");
            operation.Responses["401"] = ErrorResponse("No token, or a wrong or revoked one.", document);
            operation.Responses["403"] = ErrorResponse($"The token's role is below {role} (forbidden), or it is a node token.", document);
        }
        operation.Responses["default"] = ErrorResponse("Any other error, in the error envelope (docs/API.md, Envelopes).", document);
        var (status, mediaType, what) = SuccessOf(method, path);
        if (status != "200")
        {
            operation.Responses.Remove("200");
        }
        var success = new OpenApiResponse { Description = what };
        if (mediaType is not null)
        {
            success.Content = new Dictionary<string, OpenApiMediaType>
            {
                [mediaType] = mediaType == "application/json"
                    ? new OpenApiMediaType { Schema = new OpenApiSchemaReference(OpenApiShapes.EnvelopeSchema, document) }
                    : new OpenApiMediaType(),
            };
        }
        operation.Responses[status] = success;
    }

    /// <summary>The feature folder of the handler: <c>HalOSwarm.Supervisor.Commands.CommandsApi</c> is Commands.</summary>
    public static string FeatureOf(MethodInfo? handler)
    {
        var parts = (handler?.DeclaringType?.Namespace ?? "").Split('.');
        var feature = parts.Length > 2 ? parts[2] : "Other";
        return feature switch
        {
            "Api" => "Health",
            "ClientApi" => "Client WebSocket",
            _ => feature,
        };
    }

    /// <summary>The role the endpoint's policies name; null for an anonymous one. The default and fallback policies are viewer.</summary>
    private static string? RoleOf(IEnumerable<object> metadata)
    {
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return null;
        }
        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).ToList();
        return policies.Contains(Security.SupervisorPolicies.Admin) ? "admin"
            : policies.Contains(Security.SupervisorPolicies.Operator) ? "operator"
            : "viewer";
    }

    /// <summary>What a success looks like: the envelope, except for the few endpoints that write their own answer.</summary>
    private static (string Status, string? MediaType, string What) SuccessOf(string method, string path) => (method, path) switch
    {
        ("GET", "/") => ("200", "text/html", "The dashboard page."),
        ("GET", "/metrics") => ("200", "text/plain", "Prometheus text format."),
        ("GET", "/api/v1/events/stream") => ("200", "text/event-stream", "Server-Sent Events: the live tail of the stored events."),
        ("POST", "/api/v1/admin/backup") => ("200", "application/vnd.sqlite3", "An online backup of the database."),
        ("GET", "/api/v1/ws") => ("101", null, "Switching Protocols: the client WebSocket (docs/API.md, Client WebSocket API)."),
        _ => ("200", "application/json", "The success envelope; data as docs/API.md describes for this endpoint."),
    };

    private static OpenApiResponse ErrorResponse(string what, OpenApiDocument? document) => new()
    {
        Description = what,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/json"] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(OpenApiShapes.ErrorSchema, document) },
        },
    };

    private static string OperationId(string method, string path) =>
        method.ToLowerInvariant() + string.Concat(path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => "_" + s.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal).Replace(".", "_", StringComparison.Ordinal)));

    private static string Append(string? text, string more) => string.IsNullOrEmpty(text) ? more : $"{text} {more}";
}
