using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HalOSwarm.Supervisor.Channels.Slack;

/// <summary>
/// Slack's request signing: <c>X-Slack-Signature</c> = <c>v0=</c> + hex(HMAC-SHA256(signing secret,
/// <c>v0:TIMESTAMP:BODY</c>)) over the raw body, with <c>X-Slack-Request-Timestamp</c> at most
/// <see cref="MaxSkew"/> from now (a replayed request is refused).
/// </summary>
internal static class SlackSignature
{
    public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(5);

    public static string Compute(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes("v0:" + timestamp + ":");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
    }

    /// <summary>True when the timestamp is a number of seconds within <see cref="MaxSkew"/> of <paramref name="now"/> and the signature matches.</summary>
    public static bool Verify(string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (timestamp is null || signature is null || timestamp.Length > 12
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }
        var at = DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, 253_402_300_799));
        if ((now - at).Duration() > MaxSkew)
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(Compute(secret, timestamp, body));
        var given = Encoding.UTF8.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
