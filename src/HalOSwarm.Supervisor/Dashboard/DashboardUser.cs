using System.Security.Claims;
using HalOSwarm.Supervisor.Security;
using HalOSwarm.Supervisor.Tokens;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace HalOSwarm.Supervisor.Dashboard;

/// <summary>
/// Who is using a dashboard page, and what they may do. Pages show acting controls only when <see cref="CanAsync"/>
/// allows, and every action asks <see cref="AuthorizeAsync"/> again on the server before it runs: the same role
/// policies as the HTTP API (<see cref="SupervisorPolicies"/>), and the token must still be active.
/// </summary>
internal sealed class DashboardUser(AuthenticationStateProvider authentication, IAuthorizationService authorization,
    TokenStore tokens, BearerTokenValidator validator)
{
    /// <summary>Appended to the token's actor in the audit log: <c>token:alice/dashboard</c>.</summary>
    public const string ActorSuffix = "/dashboard";

    public async Task<ClaimsPrincipal> PrincipalAsync() => (await authentication.GetAuthenticationStateAsync()).User;

    /// <summary>The token's name (<c>server</c> for the server token).</summary>
    public async Task<string> NameAsync() => (await PrincipalAsync()).FindFirstValue(ClaimTypes.Name) ?? "";

    public async Task<string> RoleAsync() => (await PrincipalAsync()).FindFirstValue(ClaimTypes.Role) ?? "";

    /// <summary>How the audit log names this user's actions.</summary>
    public async Task<string> ActorAsync() =>
        ((await PrincipalAsync()).FindFirstValue(SupervisorClaims.Actor) ?? BearerTokenValidator.ServerActor) + ActorSuffix;

    /// <summary>Whether the user's role satisfies <paramref name="policy"/> (a <see cref="SupervisorPolicies"/> name), for showing controls.</summary>
    public async Task<bool> CanAsync(string policy) => (await authorization.AuthorizeAsync(await PrincipalAsync(), policy)).Succeeded;

    /// <summary>
    /// Null when the user may act under <paramref name="policy"/> now; otherwise why not, to show instead of acting.
    /// </summary>
    public async Task<string?> AuthorizeAsync(string policy)
    {
        var user = await PrincipalAsync();
        if (!SessionCookie.TokenStillValid(user, tokens, validator))
        {
            return "your sign-in has ended (the token was revoked or changed); sign in again";
        }
        if ((await authorization.AuthorizeAsync(user, policy)).Succeeded)
        {
            return null;
        }
        var needs = string.Join(" or ", TokenRoles.AtLeast(policy));
        return $"this needs the role {needs}; you are {user.FindFirstValue(ClaimTypes.Role) ?? "no role"}";
    }
}
