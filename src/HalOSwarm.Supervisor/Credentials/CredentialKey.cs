using System.Security.Cryptography;

namespace HalOSwarm.Supervisor.Credentials;

/// <summary>
/// The encryption key of the <c>credentials</c> section, read and checked. <see cref="Id"/> (the first 8 bytes of the key's
/// SHA-256, hex) is stored with every record so a later key can be told apart from this one. Problems name the config key
/// and never show the key's value.
/// </summary>
internal sealed class CredentialKey
{
    public const int Bytes = 32;

    private CredentialKey(byte[] material)
    {
        Material = material;
        Id = Convert.ToHexStringLower(SHA256.HashData(material).AsSpan(0, 8));
    }

    public byte[] Material { get; }

    public string Id { get; }

    /// <summary>The key, or null with the problem when the section holds one that is not usable.</summary>
    public static CredentialKey? Load(CredentialsOptions options, out string? problem)
    {
        problem = null;
        var hasFile = !string.IsNullOrWhiteSpace(options.KeyFile);
        var hasInline = !string.IsNullOrWhiteSpace(options.Key);
        if (hasFile && hasInline)
        {
            problem = "credentials.key: set either credentials.key_file or credentials.key, not both";
            return null;
        }
        string text;
        string key;
        if (hasFile)
        {
            key = "credentials.key_file";
            var path = Path.GetFullPath(options.KeyFile!);
            if (!File.Exists(path))
            {
                problem = $"{key}: no file at {path} (create one: head -c 32 /dev/urandom | base64 > {path} && chmod 600 {path})";
                return null;
            }
            if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute)) != 0)
            {
                problem = $"{key}: {path} may be read by other users than its owner (run: chmod 600 {path})";
                return null;
            }
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problem = $"{key}: cannot read {path}: {ex.Message}";
                return null;
            }
        }
        else if (hasInline)
        {
            key = "credentials.key";
            text = options.Key!;
        }
        else
        {
            return null;
        }
        var material = new byte[Bytes + 8];
        if (!Convert.TryFromBase64String(text.Trim(), material, out var written) || written != Bytes)
        {
            problem = $"{key}: must be exactly {Bytes} bytes in base64 (e.g. head -c 32 /dev/urandom | base64); the value is not shown";
            return null;
        }
        return new CredentialKey(material[..Bytes]);
    }
}
