using System.Security.Cryptography;
using System.Text;

namespace HalOSwarm.Supervisor.Channels.Webhooks;

/// <summary>
/// The webhook's signature: <c>sha256=</c> and the lowercase hex HMAC-SHA256, keyed with the webhook's secret, of the
/// <c>X-Hal-Timestamp</c> value, a dot, and the body's bytes as sent.
/// </summary>
internal static class WebhookSignature
{
    public const string Prefix = "sha256=";

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}
