using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Api;
using HalOSwarm.Supervisor.Security;

namespace HalOSwarm.Supervisor.Nodes;

/// <summary>The agent WebSocket endpoint; the port split middleware keeps it off the HTTP API port.</summary>
internal static partial class AgentEndpoint
{
    public static IEndpointRouteBuilder MapAgentEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map(ProtocolInfo.AgentPath, HandleAsync);
        return endpoints;
    }

    private static async Task HandleAsync(
        HttpContext context,
        BearerTokenValidator tokens,
        AgentConnectionHandler handler,
        ILoggerFactory loggerFactory)
    {
        var remote = $"{context.Connection.RemoteIpAddress}:{context.Connection.RemotePort}";
        if (!tokens.IsAuthorized(context.Request))
        {
            LogUnauthorized(loggerFactory.CreateLogger(typeof(AgentEndpoint).FullName!), remote);
            await ApiErrors.Unauthorized().ExecuteAsync(context);
            return;
        }
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await ApiErrors.BadRequest("expected a WebSocket upgrade on the agent endpoint").ExecuteAsync(context);
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await handler.RunAsync(socket, remote, context.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Warning, EventName = "agent.unauthorized",
        Message = "Refused agent connection from {Remote}: missing or wrong bearer token")]
    private static partial void LogUnauthorized(ILogger logger, string remote);
}
