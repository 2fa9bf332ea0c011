using HalOSwarm.Protocol;
using Microsoft.AspNetCore.Diagnostics;

namespace HalOSwarm.Supervisor.Api;

/// <summary>
/// The parts of the request pipeline that are not endpoints: the port split, the error envelope for failures outside
/// an endpoint, and the fallback for unknown paths. Authentication is not here: it hangs on the endpoints.
/// </summary>
internal static class ApiPipelineExtensions
{
    /// <summary>
    /// Keeps the two listeners apart by the endpoint routing chose and the local port the request came in on (not the
    /// Host header, which a client chooses): endpoints marked <see cref="AgentPortMetadata"/> answer only on the agent
    /// port, every other endpoint only on the HTTP port. Runs after routing, so a path in another case is the same
    /// endpoint here as in routing.
    /// </summary>
    public static IApplicationBuilder UsePortSplit(this IApplicationBuilder app, int agentPort) =>
        app.Use(async (context, next) =>
        {
            var onAgentPort = context.Connection.LocalPort == agentPort;
            var agentEndpoint = context.GetEndpoint()?.Metadata.GetMetadata<AgentPortMetadata>() is not null;
            if (onAgentPort != agentEndpoint)
            {
                await ApiErrors.NotFound(onAgentPort
                    ? $"the agent port serves only {ProtocolInfo.AgentPath}; the HTTP API is on server.http_port"
                    : $"{ProtocolInfo.AgentPath} is served on server.port, not on the HTTP API port").ExecuteAsync(context);
                return;
            }
            await next(context);
        });

    /// <summary>
    /// Unhandled failures become the JSON error envelope: a request Kestrel refused while the endpoint read it (a body
    /// over the size limit: 413) keeps its status, anything else is a 500 that says to look at the log.
    /// </summary>
    public static IApplicationBuilder UseApiErrors(this IApplicationBuilder app, long maxRequestBodyBytes) =>
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = context =>
            {
                var failure = context.Features.Get<IExceptionHandlerFeature>()?.Error;
                var result = failure is BadHttpRequestException bad
                    ? bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                        ? ApiErrors.TooLarge($"the request body is over the limit of {maxRequestBodyBytes} bytes (server.max_request_body_bytes)")
                        : ApiErrors.Error(bad.StatusCode, "the request could not be read: " + bad.Message, "invalid_request")
                    : ApiErrors.Internal();
                return result.ExecuteAsync(context);
            },
            // A client's bad request is answered, not a failure of the supervisor: no error log line for it.
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
        });

    public static IEndpointRouteBuilder MapApiFallback(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapFallback(context => ApiErrors.NotFound($"no such endpoint: {context.Request.Method} {context.Request.Path}").ExecuteAsync(context));
        return endpoints;
    }
}
