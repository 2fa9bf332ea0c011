using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Tokens;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Security;

/// <summary>
/// Finds the token an <c>Authorization: Bearer …</c> header presents: <c>server.auth_token</c> (compared in constant
/// time over SHA-256 hashes, so neither content nor length leaks through timing), or an active issued token, looked up
/// by the SHA-256 of what was presented (the lookup reveals nothing an attacker could use: finding a secret whose hash
/// is near a stored one is as hard as finding the secret).
/// </summary>
internal sealed class BearerTokenValidator(IOptions<ServerOptions> options, TokenStore tokens)
{
    /// <summary>The token id of <c>server.auth_token</c>.</summary>
    public const string ServerTokenId = TokenKinds.Server;

    /// <summary>The audit actor of <c>server.auth_token</c>.</summary>
    public const string ServerActor = "api:admin";

    private readonly byte[] _expected = SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.AuthToken));

    /// <summary>
    /// A digest of the server token's hash, put in dashboard cookies the server token made: it changes when the token
    /// does, and reveals nothing about it.
    /// </summary>
    public string ServerTokenCheck => Convert.ToHexStringLower(SHA256.HashData(_expected))[..32];

    /// <summary>The caller's claims, or null when the header is not a bearer token this supervisor knows.</summary>
    public IReadOnlyList<Claim>? Authenticate(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        return AuthenticateSecret(header[scheme.Length..].Trim());
    }

    /// <summary>The claims of the token whose secret is <paramref name="secret"/>, or null when it is no token this supervisor knows.</summary>
    public IReadOnlyList<Claim>? AuthenticateSecret(string secret)
    {
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        if (CryptographicOperations.FixedTimeEquals(presented, _expected))
        {
            return
            [
                new Claim(SupervisorClaims.TokenId, ServerTokenId), new Claim(ClaimTypes.Name, ServerTokenId),
                new Claim(SupervisorClaims.TokenKind, TokenKinds.Server), new Claim(ClaimTypes.Role, TokenRoles.Admin),
                new Claim(SupervisorClaims.Actor, ServerActor), new Claim(SupervisorClaims.ServerTokenCheck, ServerTokenCheck),
            ];
        }
        if (tokens.FindActive(Convert.ToHexStringLower(presented)) is not { } token)
        {
            return null;
        }
        var claims = new List<Claim>
        {
            new(SupervisorClaims.TokenId, token.Id), new(ClaimTypes.Name, token.Name),
            new(SupervisorClaims.TokenKind, token.Kind), new(SupervisorClaims.Actor, token.Actor),
        };
        if (token.Role is { } role)
        {
            claims.Add(new Claim(ClaimTypes.Role, role));
        }
        if (token.NodeId is { } nodeId)
        {
            claims.Add(new Claim(SupervisorClaims.NodeId, nodeId));
        }
        return claims;
    }
}
