using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Credentials;

/// <summary>
/// AES-256-GCM over one record's secret part, with a fresh 12-byte nonce per record and the record's identity
/// (node, tool, version, kind) as associated data, so a ciphertext moved to another row does not decrypt. The stored blob is
/// ciphertext followed by the 16-byte tag. <see cref="Key"/> is null when the <c>credentials</c> section holds no key.
/// </summary>
internal sealed class CredentialCipher(IOptions<CredentialsOptions> options)
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private readonly Lazy<CredentialKey?> _key = new(() => CredentialKey.Load(options.Value, out _));

    public CredentialKey? Key => _key.Value;

    public const string NotConfigured =
        "credential push is not configured: set credentials.key_file to a file holding 32 random bytes in base64, readable by its owner only "
        + "(head -c 32 /dev/urandom | base64 > /etc/hal/credentials.key && chmod 600 /etc/hal/credentials.key), and restart the supervisor";

    public (string KeyId, byte[] Nonce, byte[] Sealed) Encrypt(byte[] plaintext, string nodeId, string tool, int version, string kind)
    {
        var key = Key ?? throw new InvalidOperationException(NotConfigured);
        var nonce = RandomNumberGenerator.GetBytes(NonceBytes);
        var sealedBytes = new byte[plaintext.Length + TagBytes];
        using var aes = new AesGcm(key.Material, TagBytes);
        aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(0, plaintext.Length), sealedBytes.AsSpan(plaintext.Length), Associated(nodeId, tool, version, kind));
        return (key.Id, nonce, sealedBytes);
    }

    /// <summary>The plaintext, or null with the reason (which holds no secret) when this key cannot open the record.</summary>
    public byte[]? Decrypt(StoredCredential record, out string? problem)
    {
        problem = null;
        if (Key is not { } key)
        {
            problem = NotConfigured;
            return null;
        }
        if (key.Id != record.KeyId)
        {
            problem = $"credentials {record.Tool} v{record.Version} of node {record.NodeId} were encrypted with key {record.KeyId}; the configured key is {key.Id}";
            return null;
        }
        var length = record.Sealed.Length - TagBytes;
        var plaintext = new byte[Math.Max(0, length)];
        try
        {
            using var aes = new AesGcm(key.Material, TagBytes);
            aes.Decrypt(record.Nonce, record.Sealed.AsSpan(0, length), record.Sealed.AsSpan(length), plaintext,
                Associated(record.NodeId, record.Tool, record.Version, record.Kind));
            return plaintext;
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            problem = $"credentials {record.Tool} v{record.Version} of node {record.NodeId} do not decrypt with key {key.Id} (damaged or altered record)";
            return null;
        }
    }

    private static byte[] Associated(string nodeId, string tool, int version, string kind) =>
        Encoding.UTF8.GetBytes($"hal-credentials/v1\n{nodeId}\n{tool}\n{version}\n{kind}");
}
