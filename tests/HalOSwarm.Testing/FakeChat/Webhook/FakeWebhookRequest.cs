using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace HalOSwarm.Testing.FakeChat.Webhook;

/// <summary>A request the fake receiver got: its headers (names lowercased), its body as received, the status it was answered with.</summary>
public sealed record FakeWebhookRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, int Status, DateTimeOffset At)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;

    /// <summary>
    /// Verifies <c>X-Hal-Signature</c> as a receiver does (docs/CHANNELS.md, "Webhooks"): HMAC-SHA256 keyed with the
    /// secret over the <c>X-Hal-Timestamp</c> value, a dot and the raw body, compared in constant time.
    /// </summary>
    public bool HasValidSignature(string secret)
    {
        if (Header("X-Hal-Timestamp") is not { } timestamp || Header("X-Hal-Signature") is not { } signature || !signature.StartsWith("sha256=", StringComparison.Ordinal)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return false;
        }
        var signed = Encoding.UTF8.GetBytes(timestamp + ".").Concat(Body).ToArray();
        var expected = Encoding.ASCII.GetBytes(Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed)));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature["sha256=".Length..]));
    }
}
