using System.Security.Claims;
using HalOSwarm.Supervisor.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Endpoints;

namespace HalOSwarm.Supervisor.Security;

/// <summary>
/// The dashboard's sign-in: a user token exchanged once for an encrypted, HTTP-only, SameSite=Strict cookie that names the
/// token (id, name, role, audit actor), never holds it. Every request re-checks that the token is still active (a revoked
/// token's cookie is refused at once), and an unsafe request (POST, PUT, DELETE…) authenticated by the cookie must carry
/// its page's <c>Origin</c>: with the global origin check (foreign origins are refused) and SameSite=Strict, another
/// site cannot make a signed-in browser act.
/// A page the cookie does not open redirects to <c>/signin</c>; any other endpoint answers the Bearer scheme's 401.
/// </summary>
internal static class SessionCookie
{
    public const string SchemeName = "Dashboard";
    public const string CookieName = "hal_session";
    public const string SignInPath = "/signin";

    /// <summary>How long a cookie stays valid without use; each request in its second half renews it.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public static void Configure(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = CookieName;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Cookie.Path = "/";
        options.ExpireTimeSpan = Lifetime;
        options.SlidingExpiration = true;
        options.LoginPath = SignInPath;
        options.Events.OnValidatePrincipal = ValidateAsync;
        options.Events.OnRedirectToLogin = context => RedirectPagesOnly(context, SignInPath);
        options.Events.OnRedirectToAccessDenied = context => RedirectPagesOnly(context, SignInPath + "?error=forbidden");
    }

    /// <summary>The claims a cookie carries for a token: what the Bearer scheme gives, less nothing, plus nothing secret.</summary>
    public static ClaimsPrincipal Principal(IEnumerable<Claim> tokenClaims) =>
        new(new ClaimsIdentity(tokenClaims, SchemeName, ClaimTypes.Name, ClaimTypes.Role));

    /// <summary>Whether the token the principal names may still sign in: active, and a user or the server token.</summary>
    public static bool TokenStillValid(ClaimsPrincipal user, TokenStore tokens, BearerTokenValidator validator)
    {
        var id = user.FindFirstValue(SupervisorClaims.TokenId);
        var kind = user.FindFirstValue(SupervisorClaims.TokenKind);
        return (id, kind) switch
        {
            (null, _) or (_, null) => false,
            (_, TokenKinds.Server) => user.FindFirstValue(SupervisorClaims.ServerTokenCheck) == validator.ServerTokenCheck,
            (_, TokenKinds.User) => !tokens.RevocationOf(id).IsCancellationRequested,
            _ => false,
        };
    }

    private static Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var valid = context.Principal is { } user
            && TokenStillValid(user, services.GetRequiredService<TokenStore>(), services.GetRequiredService<BearerTokenValidator>());
        if (!valid)
        {
            context.RejectPrincipal();
            return context.HttpContext.SignOutAsync(SchemeName);
        }
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
            && request.Headers.Origin.Count == 0)
        {
            // Not signed out: the cookie is fine, this request is not from one of its pages.
            context.RejectPrincipal();
        }
        return Task.CompletedTask;
    }

    private static Task RedirectPagesOnly(RedirectContext<CookieAuthenticationOptions> context, string target)
    {
        if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is null)
        {
            return Task.CompletedTask;
        }
        var returnUrl = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
        var separator = target.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        context.Response.Redirect($"{target}{separator}returnUrl={Uri.EscapeDataString(returnUrl)}");
        return Task.CompletedTask;
    }
}
