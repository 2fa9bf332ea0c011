using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Api;

namespace HalOSwarm.Supervisor.Nodes;

/// <summary>
/// The agent WebSocket endpoint: served on the agent port only (<see cref="AgentPortMetadata"/>), and only to a caller
/// that presented a valid token (the endpoint's authorization metadata; a refusal is 401 before any upgrade).
/// </summary>
internal static class AgentEndpoint
{
    public static IEndpointRouteBuilder MapAgentEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map(ProtocolInfo.AgentPath, HandleAsync).WithMetadata(AgentPortMetadata.Instance).RequireAuthorization();
        return endpoints;
    }

    private static async Task HandleAsync(HttpContext context, AgentConnectionHandler handler)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await ApiErrors.BadRequest("expected a WebSocket upgrade on the agent endpoint").ExecuteAsync(context);
            return;
        }
        var remote = $"{context.Connection.RemoteIpAddress}:{context.Connection.RemotePort}";
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await handler.RunAsync(socket, remote, context.RequestAborted);
    }
}
