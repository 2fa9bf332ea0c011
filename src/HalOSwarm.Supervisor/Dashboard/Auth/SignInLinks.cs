using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;

namespace HalOSwarm.Supervisor.Dashboard.Auth;

/// <summary>
/// One-time sign-in links (<c>/auth/link/CODE</c>): a signed-in caller asks for one (<c>halctl dashboard link</c>,
/// <c>./dev up</c>) and whoever opens it first within <see cref="Lifetime"/> is signed in as that caller. The code is 256
/// random bits, used once, kept only in this process's memory (a restart voids every link), and never a token: a link
/// seen later in a history or a log opens nothing.
/// </summary>
internal sealed class SignInLinks(TimeProvider timeProvider)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    /// <summary>The most unused links at once; creating one more first drops the expired, then refuses.</summary>
    public const int MaxOutstanding = 100;

    /// <summary>A code is 43 characters of base64url.</summary>
    public const int CodeLength = 43;

    private readonly ConcurrentDictionary<string, (Claim[] Claims, DateTimeOffset ExpiresAt)> _links = new(StringComparer.Ordinal);

    /// <summary>A new link's code and expiry for the caller's token claims, or null when too many are outstanding.</summary>
    public (string Code, DateTimeOffset ExpiresAt)? Create(IEnumerable<Claim> tokenClaims)
    {
        var now = timeProvider.GetUtcNow();
        if (_links.Count >= MaxOutstanding)
        {
            foreach (var (code, link) in _links)
            {
                if (link.ExpiresAt <= now)
                {
                    _links.TryRemove(code, out _);
                }
            }
            if (_links.Count >= MaxOutstanding)
            {
                return null;
            }
        }
        var newCode = Base64Url(RandomNumberGenerator.GetBytes(32));
        var expiresAt = now + Lifetime;
        _links[newCode] = ([.. tokenClaims], expiresAt);
        return (newCode, expiresAt);
    }

    /// <summary>The claims the link signs in with, once: a second use, an expired or an unknown code gets null.</summary>
    public Claim[]? Redeem(string code)
    {
        if (code.Length != CodeLength || !_links.TryRemove(code, out var link))
        {
            return null;
        }
        return link.ExpiresAt > timeProvider.GetUtcNow() ? link.Claims : null;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
