using System.Security.Claims;
using HalOSwarm.Supervisor.Api;
using HalOSwarm.Supervisor.Security;
using HalOSwarm.Supervisor.Tokens;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace HalOSwarm.Supervisor.Dashboard.Auth;

/// <summary>
/// The dashboard's sign-in and sign-out (form posts from its own pages, each with an antiforgery token) and the
/// one-time links. A wrong token, a node token or a spent link goes back to <c>/signin</c> with an error code the page
/// explains; the token is never echoed, logged or put in the URL.
/// </summary>
internal static partial class SignInEndpoints
{
    /// <summary>The largest sign-in form accepted; the token field holds at most <see cref="MaxTokenLength"/> characters.</summary>
    public const int MaxFormBytes = 8192;
    public const int MaxTokenLength = 1024;

    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/auth/signin", SignInAsync).AllowAnonymous().WithMetadata(new RequireAntiforgeryTokenAttribute());
        endpoints.MapPost("/auth/signout", (Func<HttpContext, Task<IResult>>)SignOutAsync).AllowAnonymous().WithMetadata(new RequireAntiforgeryTokenAttribute());
        endpoints.MapGet("/auth/link/{code}", RedeemLinkAsync).AllowAnonymous();
        return endpoints;
    }

    /// <summary><c>POST /api/v1/dashboard/links</c>: a one-time sign-in link for the caller.</summary>
    public static RouteGroupBuilder MapSignInLinksApi(this RouteGroupBuilder api)
    {
        api.MapPost("/dashboard/links", (HttpContext context, SignInLinks links) =>
        {
            var claims = TokenClaims(context.User).ToList();
            if (links.Create(claims) is not { } link)
            {
                return ApiErrors.Error(StatusCodes.Status429TooManyRequests,
                    $"{SignInLinks.MaxOutstanding} sign-in links are unused; wait until some expire", "too_many_links");
            }
            var url = $"{context.Request.Scheme}://{context.Request.Host}/auth/link/{link.Code}";
            return ApiResults.Ok(new SignInLinkDto(url, link.ExpiresAt), DashboardJsonContext.Default.ApiEnvelopeSignInLinkDto);
        });
        return api;
    }

    private static async Task<IResult> SignInAsync(HttpContext context, BearerTokenValidator validator, ILogger<SignInLinks> log)
    {
        var remote = context.Connection.RemoteIpAddress?.ToString() ?? "";
        // The antiforgery middleware checked the form's token already; the form may be read only after asking.
        if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
        {
            return Back("expired_form", null);
        }
        if (context.Request.ContentLength is null or > MaxFormBytes || !context.Request.HasFormContentType)
        {
            return Back("bad_form", null);
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var returnUrl = ReturnUrl.Safe(form["returnUrl"]);
        var token = form["token"].ToString().Trim();
        if (token.Length is 0 or > MaxTokenLength || validator.AuthenticateSecret(token) is not { } claims)
        {
            LogRefused(log, remote, "wrong token");
            return Back("wrong_token", returnUrl);
        }
        if (claims.FirstOrDefault(c => c.Type == SupervisorClaims.TokenKind)?.Value == TokenKinds.Node)
        {
            LogRefused(log, remote, "node token");
            return Back("node_token", returnUrl);
        }
        await context.SignInAsync(SessionCookie.SchemeName, SessionCookie.Principal(claims));
        var actor = claims.First(c => c.Type == SupervisorClaims.Actor).Value;
        LogSignedIn(log, actor, remote, "token");
        return Results.Redirect(returnUrl, permanent: false, preserveMethod: false);
    }

    private static async Task<IResult> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(SessionCookie.SchemeName);
        return Results.Redirect(SessionCookie.SignInPath);
    }

    private static async Task<IResult> RedeemLinkAsync(string code, HttpContext context, SignInLinks links, ILogger<SignInLinks> log)
    {
        var remote = context.Connection.RemoteIpAddress?.ToString() ?? "";
        if (links.Redeem(code) is not { } claims)
        {
            LogRefused(log, remote, "unknown, used or expired link");
            return Back("link", null);
        }
        await context.SignInAsync(SessionCookie.SchemeName, SessionCookie.Principal(claims));
        var actor = claims.First(c => c.Type == SupervisorClaims.Actor).Value;
        LogSignedIn(log, actor, remote, "link");
        return Results.Redirect("/");
    }

    private static IEnumerable<Claim> TokenClaims(ClaimsPrincipal user) =>
        user.Claims.Where(c => c.Type is SupervisorClaims.TokenId or SupervisorClaims.TokenKind or SupervisorClaims.Actor
            or SupervisorClaims.ServerTokenCheck or ClaimTypes.Name or ClaimTypes.Role).Select(c => new Claim(c.Type, c.Value));

    private static IResult Back(string error, string? returnUrl) =>
        Results.Redirect($"{SessionCookie.SignInPath}?error={error}" + (returnUrl is null or "/" ? "" : "&returnUrl=" + Uri.EscapeDataString(returnUrl)));

    [LoggerMessage(Level = LogLevel.Information, EventName = "dashboard.signed_in", Message = "Dashboard sign-in of {actor} from {remote} by {method}")]
    private static partial void LogSignedIn(ILogger logger, string actor, string remote, string method);

    [LoggerMessage(Level = LogLevel.Warning, EventName = "dashboard.signin_refused", Message = "Refused a dashboard sign-in from {remote}: {reason}")]
    private static partial void LogRefused(ILogger logger, string remote, string reason);
}
