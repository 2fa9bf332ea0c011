using HalOSwarm.Supervisor.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace HalOSwarm.Supervisor.Security;

internal static class SecurityServiceCollectionExtensions
{
    /// <summary>
    /// Bearer authentication over the server token and the issued tokens, one policy per role
    /// (<see cref="SupervisorPolicies"/>), and a fallback policy that requires a reading role: an endpoint is open only
    /// when it says so with <c>AllowAnonymous</c>, so a new endpoint (or a path spelled in another case) cannot be
    /// forgotten, and a node token reads nothing.
    /// </summary>
    public static IServiceCollection AddSupervisorSecurity(this IServiceCollection services)
    {
        services.AddTokens();
        services.AddSingleton<BearerTokenValidator>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ForbiddenResultHandler>();
        services.AddAuthentication(BearerAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerAuthenticationHandler>(BearerAuthenticationHandler.SchemeName, null)
            .AddCookie(SessionCookie.SchemeName, SessionCookie.Configure);
        var viewer = SupervisorPolicies.ForRole(TokenRoles.Viewer);
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(viewer)
            .SetFallbackPolicy(viewer)
            .AddPolicy(SupervisorPolicies.Viewer, viewer)
            .AddPolicy(SupervisorPolicies.Operator, SupervisorPolicies.ForRole(TokenRoles.Operator))
            .AddPolicy(SupervisorPolicies.Admin, SupervisorPolicies.ForRole(TokenRoles.Admin))
            .AddPolicy(SupervisorPolicies.Agent, SupervisorPolicies.ForAgents())
            .AddPolicy(SupervisorPolicies.Dashboard, SupervisorPolicies.ForDashboard());
        return services;
    }
}
