using HalOSwarm.Supervisor.Tokens;
using Microsoft.AspNetCore.Authorization;

namespace HalOSwarm.Supervisor.Security;

/// <summary>
/// The authorization policies endpoints name: one per role, each satisfied by that role and the ones above it, and
/// <see cref="Agent"/> for the agent socket. The default and fallback policy is <see cref="Viewer"/>: an endpoint that
/// says nothing about authorization can be read by any user token and by no node token.
/// </summary>
internal static class SupervisorPolicies
{
    public const string Viewer = TokenRoles.Viewer;
    public const string Operator = TokenRoles.Operator;
    public const string Admin = TokenRoles.Admin;

    /// <summary>A node token, or the server token (which may connect as any node).</summary>
    public const string Agent = "agent";

    /// <summary>The dashboard's pages: a viewer signed in with the session cookie (no bearer header: a browser has none).</summary>
    public const string Dashboard = "dashboard";

    /// <summary>The role's policy: a bearer token, or the dashboard's session cookie (<see cref="SessionCookie"/>).</summary>
    public static AuthorizationPolicy ForRole(string role) =>
        new AuthorizationPolicyBuilder(BearerAuthenticationHandler.SchemeName, SessionCookie.SchemeName).RequireAuthenticatedUser()
            .RequireRole(TokenRoles.AtLeast(role)).Build();

    public static AuthorizationPolicy ForDashboard() =>
        new AuthorizationPolicyBuilder(SessionCookie.SchemeName).RequireAuthenticatedUser()
            .RequireRole(TokenRoles.AtLeast(TokenRoles.Viewer)).Build();

    public static AuthorizationPolicy ForAgents() =>
        new AuthorizationPolicyBuilder(BearerAuthenticationHandler.SchemeName).RequireAuthenticatedUser()
            .RequireClaim(SupervisorClaims.TokenKind, TokenKinds.Node, TokenKinds.Server).Build();
}
