using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Credentials;

/// <summary>
/// The <c>credentials</c> section: the key that encrypts pushed credentials at rest. <c>key_file</c> (a file holding 32
/// random bytes in base64, readable by its owner only) or <c>key</c> (the same base64 inline); with neither, the credentials
/// endpoints answer 503 <c>credentials_not_configured</c>.
/// </summary>
internal sealed class CredentialsOptions
{
    public const string SectionName = "credentials";

    [ConfigurationKeyName("key_file")]
    public string? KeyFile { get; set; }

    [ConfigurationKeyName("key")]
    public string? Key { get; set; }

    public bool Configured => !string.IsNullOrWhiteSpace(KeyFile) || !string.IsNullOrWhiteSpace(Key);
}
