using HalOSwarm.Supervisor.Security;
using HalOSwarm.Supervisor.Tokens;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace HalOSwarm.Supervisor.Dashboard.Auth;

/// <summary>
/// A live page's user, re-checked while the page is open: once its token is revoked (or the server token changed), the
/// page signs out within <see cref="RevalidationInterval"/> and every action it tries is refused at once
/// (<see cref="DashboardUser"/> checks the token on each).
/// </summary>
internal sealed class DashboardAuthenticationState(ILoggerFactory loggerFactory, TokenStore tokens, BearerTokenValidator validator)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(30);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        Task.FromResult(SessionCookie.TokenStillValid(authenticationState.User, tokens, validator));
}
