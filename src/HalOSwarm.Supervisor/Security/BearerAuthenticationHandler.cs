using System.Security.Claims;
using System.Text.Encodings.Web;
using HalOSwarm.Supervisor.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Security;

/// <summary>
/// The <c>Bearer</c> scheme: a request that presents the server token or an active issued token gets a principal naming
/// the token it used (<see cref="SupervisorClaims"/>: id, kind, role, bound node, audit actor); a revoked token is a wrong
/// one. Which endpoints need one is decided by their authorization metadata and the
/// fallback policy (<see cref="SecurityServiceCollectionExtensions"/>), never by the request path. A refusal is the API's
/// JSON error envelope with <c>WWW-Authenticate: Bearer</c>.
/// </summary>
internal sealed partial class BearerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    BearerTokenValidator tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "Bearer";
    private readonly ILogger _log = loggerFactory.CreateLogger<BearerAuthenticationHandler>();

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers.Authorization.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        if (tokens.Authenticate(Request) is not { } claims)
        {
            return Task.FromResult(AuthenticateResult.Fail("wrong bearer token"));
        }
        var identity = new ClaimsIdentity(claims, SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var remote = $"{Context.Connection.RemoteIpAddress}:{Context.Connection.RemotePort}";
        var presented = Request.Headers.Authorization.Count > 0;
        if (presented)
        {
            LogWrongToken(_log, remote, Request.Method, Request.Path.Value ?? "");
        }
        else
        {
            LogNoToken(_log, remote, Request.Method, Request.Path.Value ?? "");
        }
        Response.Headers.WWWAuthenticate = "Bearer";
        await ApiErrors.Unauthorized().ExecuteAsync(Context);
    }

    // The path is the decoded request path (no query string, so no secret a client put there); the token never appears.
    [LoggerMessage(Level = LogLevel.Warning, EventName = "auth.refused",
        Message = "Refused {method} {path} from {remote}: wrong bearer token")]
    private static partial void LogWrongToken(ILogger logger, string remote, string method, string path);

    // Routine (probes, browsers, scanners): not worth a warning each.
    [LoggerMessage(Level = LogLevel.Information, EventName = "auth.no_token",
        Message = "Refused {method} {path} from {remote}: no bearer token")]
    private static partial void LogNoToken(ILogger logger, string remote, string method, string path);
}
