using System.Security.Claims;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Api;
using HalOSwarm.Supervisor.Security;

namespace HalOSwarm.Supervisor.Nodes;

/// <summary>
/// The agent WebSocket endpoint: served on the agent port only (<see cref="AgentPortMetadata"/>), and only to a caller
/// that presented a node token or the server token (the <see cref="SupervisorPolicies.Agent"/> policy; a refusal is 401
/// or 403 before any upgrade). A node token binds the node id its hello may name.
/// </summary>
internal static class AgentEndpoint
{
    public static IEndpointRouteBuilder MapAgentEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map(ProtocolInfo.AgentPath, HandleAsync).WithMetadata(AgentPortMetadata.Instance).RequireAuthorization(SupervisorPolicies.Agent);
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
        var caller = new AgentCaller(context.User.FindFirstValue(SupervisorClaims.TokenId) ?? "", context.User.FindFirstValue(SupervisorClaims.NodeId));
        await handler.RunAsync(socket, remote, caller, context.RequestAborted);
    }
}
