using System.Security.Cryptography;
using System.Text;
using HalOSwarm.Supervisor.Configuration;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Security;

/// <summary>
/// Checks <c>Authorization: Bearer …</c> against <c>server.auth_token</c> in constant time. Both sides are hashed
/// first so that neither the content nor the length of the token leaks through timing.
/// </summary>
internal sealed class BearerTokenValidator(IOptions<ServerOptions> options)
{
    /// <summary>The token id of <c>server.auth_token</c>, the one shared token.</summary>
    public const string ServerTokenId = "server";

    private readonly byte[] _expected = SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.AuthToken));

    public bool IsAuthorized(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(presented, _expected);
    }
}
