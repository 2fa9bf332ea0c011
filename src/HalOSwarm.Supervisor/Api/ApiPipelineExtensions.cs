using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Security;

namespace HalOSwarm.Supervisor.Api;

/// <summary>
/// Keeps the two listeners apart by the local port the request came in on (not the Host header, which a client
/// chooses): the agent port serves only <c>/ws/agent</c>, the HTTP port everything else. Then bearer auth on <c>/api/</c>.
/// </summary>
internal static class ApiPipelineExtensions
{
    public static IApplicationBuilder UsePortSplit(this IApplicationBuilder app, int agentPort) =>
        app.Use(async (context, next) =>
        {
            var onAgentPort = context.Connection.LocalPort == agentPort;
            var agentPath = context.Request.Path.Equals(ProtocolInfo.AgentPath, StringComparison.Ordinal);
            if (onAgentPort != agentPath)
            {
                await ApiErrors.NotFound(onAgentPort
                    ? $"the agent port serves only {ProtocolInfo.AgentPath}; the HTTP API is on server.http_port"
                    : $"{ProtocolInfo.AgentPath} is served on server.port, not on the HTTP API port").ExecuteAsync(context);
                return;
            }
            await next(context);
        });

    public static IApplicationBuilder UseApiAuthentication(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
                && !context.RequestServices.GetRequiredService<BearerTokenValidator>().IsAuthorized(context.Request))
            {
                await ApiErrors.Unauthorized().ExecuteAsync(context);
                return;
            }
            await next(context);
        });

    public static IApplicationBuilder UseApiErrors(this IApplicationBuilder app) =>
        app.UseExceptionHandler(error => error.Run(context => ApiErrors.Internal().ExecuteAsync(context)));

    public static IEndpointRouteBuilder MapApiFallback(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapFallback(context => ApiErrors.NotFound($"no such endpoint: {context.Request.Method} {context.Request.Path}").ExecuteAsync(context));
        return endpoints;
    }
}
