using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace HalOSwarm.Supervisor.Channels.Discord;

/// <summary>
/// Checks Discord's Ed25519 signature of an HTTP interaction: <c>X-Signature-Ed25519</c> (hex) over
/// UTF-8(<c>X-Signature-Timestamp</c> + raw body), with the application's public key (<c>channels.discord.public_key</c>).
/// </summary>
internal sealed class DiscordSignature
{
    private readonly Ed25519PublicKeyParameters? _key;

    public DiscordSignature(string publicKeyHex)
    {
        if (publicKeyHex.Length == 64 && publicKeyHex.All(char.IsAsciiHexDigit))
        {
            _key = new Ed25519PublicKeyParameters(Convert.FromHexString(publicKeyHex));
        }
    }

    public bool Verify(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (_key is null || signatureHex is not { Length: 128 } || !signatureHex.All(char.IsAsciiHexDigit)
            || timestamp is not { Length: > 0 and <= 32 })
        {
            return false;
        }
        var signed = new byte[Encoding.UTF8.GetByteCount(timestamp) + body.Length];
        var written = Encoding.UTF8.GetBytes(timestamp, signed);
        body.CopyTo(signed.AsSpan(written));
        var verifier = new Ed25519Signer();
        verifier.Init(false, _key);
        verifier.BlockUpdate(signed, 0, signed.Length);
        return verifier.VerifySignature(Convert.FromHexString(signatureHex));
    }
}
