using System.Security.Claims;
using HalOSwarm.Supervisor.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace HalOSwarm.Supervisor.Security;

/// <summary>
/// A valid token that the endpoint's policy refuses gets 403 <c>forbidden</c> in the API's error envelope, saying which
/// roles the endpoint takes and what the token is, and a warning log line naming the token (never its secret). Every
/// other outcome is the framework's (a missing or wrong token: the Bearer scheme's 401).
/// </summary>
internal sealed partial class ForbiddenResultHandler(ILogger<ForbiddenResultHandler> logger) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }
        var user = context.User;
        var kind = user.FindFirstValue(SupervisorClaims.TokenKind) ?? "";
        var held = kind == Tokens.TokenKinds.Node ? "this is a node token" : $"this token's role is {user.FindFirstValue(ClaimTypes.Role) ?? "none"}";
        var failed = authorizeResult.AuthorizationFailure?.FailedRequirements ?? [];
        var needs = failed.OfType<RolesAuthorizationRequirement>().FirstOrDefault() is { } roles
            ? $"needs a token with the role {string.Join(" or ", roles.AllowedRoles)}"
            : "is for agents (a node token)";
        LogForbidden(logger, user.FindFirstValue(SupervisorClaims.Actor) ?? "", context.Request.Method, context.Request.Path.Value ?? "");
        await ApiErrors.Error(StatusCodes.Status403Forbidden, $"{context.Request.Method} {context.Request.Path} {needs}; {held}", "forbidden")
            .ExecuteAsync(context);
    }

    [LoggerMessage(Level = LogLevel.Warning, EventName = "auth.forbidden", Message = "Forbade {method} {path} to {actor}: its role does not allow it")]
    private static partial void LogForbidden(ILogger logger, string actor, string method, string path);
}
