using System.Net.WebSockets;
using System.Security.Claims;
using HalOSwarm.Supervisor.Api;
using HalOSwarm.Supervisor.Audit;
using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Events;
using HalOSwarm.Supervisor.Security;
using HalOSwarm.Supervisor.Tokens;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.ClientApi;

/// <summary>
/// <c>GET /api/v1/ws</c>: the client WebSocket. The upgrade is an API request like any other (a viewer token at least,
/// the origin check, the rate limit); a socket counts as one of the token's <c>server.sse_streams_per_token</c> live
/// streams. Refusals come before the upgrade, as HTTP errors.
/// </summary>
internal static class ClientSocketEndpoint
{
    public static async Task HandleAsync(HttpContext context, LiveStreamLimiter limiter, TokenStore tokens, IOptions<ServerOptions> options,
        IHostApplicationLifetime lifetime)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await ApiErrors.BadRequest("expected a WebSocket upgrade (GET with Connection: Upgrade and Upgrade: websocket)").ExecuteAsync(context);
            return;
        }
        var actor = ApiCaller.Actor(context.Request, out var actorError);
        if (actorError is not null)
        {
            await ApiErrors.Invalid([new FieldError(ApiCaller.ActorHeader, actorError)]).ExecuteAsync(context);
            return;
        }
        var server = options.Value;
        var tokenId = context.User.FindFirstValue(SupervisorClaims.TokenId) ?? "";
        using var slot = await limiter.AcquireOrRefuseAsync(context, server.SseStreamsPerToken);
        if (slot is null)
        {
            return;
        }
        var revoked = tokens.RevocationOf(tokenId);
        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            KeepAliveInterval = TimeSpan.FromSeconds(server.SseKeepaliveSec),
        });
        var caller = new ClientCaller(context.User, actor!, context.User.FindFirstValue(ClaimTypes.Role) ?? "none",
            ApiCaller.SourceAddress(context));
        using var connection = new ClientConnection(socket, caller, context.RequestServices);
        await connection.RunAsync(context.RequestAborted, lifetime.ApplicationStopping, revoked);
    }
}
