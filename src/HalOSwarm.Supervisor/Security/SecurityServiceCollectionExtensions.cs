using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace HalOSwarm.Supervisor.Security;

internal static class SecurityServiceCollectionExtensions
{
    /// <summary>
    /// Bearer authentication, and a fallback policy that requires it: an endpoint is open only when it says so with
    /// <c>AllowAnonymous</c>, so a new endpoint (or a path spelled in another case) cannot be forgotten.
    /// </summary>
    public static IServiceCollection AddSupervisorSecurity(this IServiceCollection services)
    {
        services.AddSingleton<BearerTokenValidator>();
        services.AddAuthentication(BearerAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerAuthenticationHandler>(BearerAuthenticationHandler.SchemeName, null);
        var authenticated = new AuthorizationPolicyBuilder(BearerAuthenticationHandler.SchemeName).RequireAuthenticatedUser().Build();
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(authenticated)
            .SetFallbackPolicy(authenticated);
        return services;
    }
}
