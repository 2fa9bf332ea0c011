using System.Security.Cryptography;
using System.Text;

namespace HalOSwarm.Supervisor.Tokens;

/// <summary>
/// Token secrets: 32 random bytes (256 bits) as <c>hal_</c> and base64url. Only their SHA-256 is stored: a secret this
/// random cannot be guessed from its hash, so a slow password hash would add cost to every request and no safety
/// (docs/SECURITY.md).
/// </summary>
internal static class TokenSecret
{
    public const string Prefix = "hal_";

    public static string New() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>A token id: <c>tok_</c> and 16 hex digits, random, so ids say nothing about how many tokens exist.</summary>
    public static string NewId() => "tok_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public static string HashHex(string secret) => Convert.ToHexStringLower(Hash(secret));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
