using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HalOSwarm.Testing.FakeAuth;

/// <summary>
/// Stands in for Codex's OAuth issuer during <c>codex login --device-auth --experimental_issuer URL</c> (Codex 0.169),
/// with the endpoints and shapes the program calls: <c>POST /api/accounts/deviceauth/usercode</c> {client_id} →
/// {device_auth_id, user_code, interval (a string)}; <c>POST /api/accounts/deviceauth/token</c> {device_auth_id, user_code}
/// → 403 while the person has not entered the code, then {authorization_code, code_challenge, code_verifier}; <c>POST
/// /oauth/token</c> (form: grant_type=authorization_code, code, redirect_uri = ISSUER/deviceauth/callback, client_id,
/// code_verifier) → {id_token, access_token, refresh_token}, the ID token a JWT whose claims carry the email and the
/// ChatGPT account. The person's side is <see cref="Approve"/>: the test says the code was entered.
/// </summary>
public sealed class FakeDeviceAuthServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, DeviceGrant> _grants = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly string _email;
    private WebApplication? _app;
    private int _next;

    private FakeDeviceAuthServer(string email) => _email = email;

    /// <summary>The issuer to give Codex (no trailing slash); the verification page is ISSUER/codex/device.</summary>
    public string Issuer { get; private set; } = "";

    /// <summary>Every request as "METHOD /path", in order.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>The user codes handed out so far.</summary>
    public IReadOnlyList<string> UserCodes => [.. _grants.Values.Select(g => g.UserCode)];

    public static async Task<FakeDeviceAuthServer> StartAsync(string email = "user@example.com", CancellationToken cancellationToken = default)
    {
        var server = new FakeDeviceAuthServer(email);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/api/accounts/deviceauth/usercode", server.UserCodeAsync);
        app.MapPost("/api/accounts/deviceauth/token", server.PollAsync);
        app.MapPost("/oauth/token", server.TokenAsync);
        app.MapGet("/codex/device", (HttpContext context) => context.Response.WriteAsync("<html><body>Enter the code shown in your terminal.</body></html>", context.RequestAborted));
        await app.StartAsync(cancellationToken);
        server._app = app;
        server.Issuer = app.Urls.First().TrimEnd('/');
        return server;
    }

    /// <summary>The person entered <paramref name="userCode"/> at the verification page and approved; false for a code never handed out.</summary>
    public bool Approve(string userCode)
    {
        var grant = _grants.Values.FirstOrDefault(g => g.UserCode == userCode);
        if (grant is null)
        {
            return false;
        }
        grant.Approved = true;
        return true;
    }

    private async Task UserCodeAsync(HttpContext context)
    {
        _requests.Enqueue("POST /api/accounts/deviceauth/usercode");
        var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject;
        if (body?["client_id"]?.GetValue<string>() is not { Length: > 0 } clientId)
        {
            await WriteAsync(context, 400, new JsonObject { ["error"] = "client_id is required" });
            return;
        }
        var n = Interlocked.Increment(ref _next);
        var grant = new DeviceGrant($"dev_{n}", $"HAL{n:D1}-{RandomNumberGenerator.GetInt32(1000, 9999)}", clientId);
        _grants[grant.DeviceAuthId] = grant;
        await WriteAsync(context, 200, new JsonObject { ["device_auth_id"] = grant.DeviceAuthId, ["user_code"] = grant.UserCode, ["interval"] = "1" });
    }

    private async Task PollAsync(HttpContext context)
    {
        _requests.Enqueue("POST /api/accounts/deviceauth/token");
        var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject;
        var id = body?["device_auth_id"]?.GetValue<string>() ?? "";
        if (!_grants.TryGetValue(id, out var grant) || body?["user_code"]?.GetValue<string>() != grant.UserCode)
        {
            await WriteAsync(context, 400, new JsonObject { ["error"] = "unknown device authorization" });
            return;
        }
        if (!grant.Approved)
        {
            await WriteAsync(context, 403, new JsonObject { ["error"] = "authorization_pending" });
            return;
        }
        await WriteAsync(context, 200, new JsonObject
        {
            ["authorization_code"] = grant.AuthorizationCode, ["code_challenge"] = grant.CodeChallenge, ["code_verifier"] = grant.CodeVerifier,
        });
    }

    private async Task TokenAsync(HttpContext context)
    {
        _requests.Enqueue("POST /oauth/token");
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var grant = _grants.Values.FirstOrDefault(g => g.AuthorizationCode == form["code"].ToString());
        if (form["grant_type"] != "authorization_code" || grant is not { Approved: true } || form["code_verifier"] != grant.CodeVerifier
            || form["client_id"] != grant.ClientId || form["redirect_uri"] != $"{Issuer}/deviceauth/callback")
        {
            await WriteAsync(context, 400, new JsonObject { ["error"] = "invalid_grant" });
            return;
        }
        var token = IdToken(grant);
        await WriteAsync(context, 200, new JsonObject { ["id_token"] = token, ["access_token"] = token, ["refresh_token"] = $"rt_{grant.DeviceAuthId}" });
    }

    private static Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString(), Encoding.UTF8, context.RequestAborted);
    }

    private string IdToken(DeviceGrant grant)
    {
        var header = new JsonObject { ["alg"] = "none", ["typ"] = "JWT" };
        var claims = new JsonObject
        {
            ["email"] = _email,
            ["exp"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(),
            ["https://api.openai.com/auth"] = new JsonObject
            {
                ["chatgpt_plan_type"] = "plus", ["chatgpt_account_id"] = $"acct_{grant.DeviceAuthId}", ["chatgpt_user_id"] = "user_fake",
            },
        };
        return $"{Base64Url(header)}.{Base64Url(claims)}.fake-signature";
    }

    private static string Base64Url(JsonObject value) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(value.ToJsonString(JsonSerializerOptions.Default))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
