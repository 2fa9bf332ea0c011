using System.Globalization;
using System.Text;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace HalOSwarm.Testing.FakeChat.Discord;

/// <summary>
/// Signs interactions as Discord signs what it POSTs to an interactions endpoint: Ed25519 over UTF-8(timestamp + body),
/// hex in <c>X-Signature-Ed25519</c>, the timestamp in <c>X-Signature-Timestamp</c>. A fresh key per fake;
/// <see cref="PublicKeyHex"/> is what <c>channels.discord.public_key</c> takes.
/// </summary>
public sealed class FakeDiscordSigner
{
    private readonly Ed25519PrivateKeyParameters _private;

    public FakeDiscordSigner()
    {
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        _private = (Ed25519PrivateKeyParameters)pair.Private;
        PublicKeyHex = Convert.ToHexStringLower(((Ed25519PublicKeyParameters)pair.Public).GetEncoded());
    }

    public string PublicKeyHex { get; }

    public string Sign(string timestamp, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(timestamp + body);
        var signer = new Ed25519Signer();
        signer.Init(true, _private);
        signer.BlockUpdate(bytes, 0, bytes.Length);
        return Convert.ToHexStringLower(signer.GenerateSignature());
    }

    /// <summary>A POST of <paramref name="body"/> to <paramref name="url"/> signed as Discord would (<paramref name="signature"/> overrides it).</summary>
    public HttpRequestMessage SignedPost(Uri url, string body, string? signature = null)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Ed25519", signature ?? Sign(timestamp, body));
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        request.Headers.UserAgent.ParseAdd("Discord-Interactions/1.0 (+https://discord.com)");
        return request;
    }
}
