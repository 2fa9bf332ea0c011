using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Configuration;

/// <summary>
/// The <c>server.tls</c> section: one certificate for both ports (agents on <c>wss://</c>, the API on <c>https://</c>).
/// Off while <c>cert_file</c> is empty. The files are read again when they change, without a restart.
/// </summary>
internal sealed class ServerTlsOptions
{
    /// <summary>PEM certificate (the chain may follow the leaf); an absolute path.</summary>
    [ConfigurationKeyName("cert_file")]
    public string CertFile { get; set; } = "";

    /// <summary>PEM private key (PKCS#8, PKCS#1 or SEC1, unencrypted) of the certificate; an absolute path.</summary>
    [ConfigurationKeyName("key_file")]
    public string KeyFile { get; set; } = "";

    /// <summary>How often the files are checked for a change (modification time and size).</summary>
    [ConfigurationKeyName("reload_check_sec")]
    public int ReloadCheckSec { get; set; } = 10;

    /// <summary>A client that has not finished the TLS handshake in this time is disconnected.</summary>
    [ConfigurationKeyName("handshake_timeout_sec")]
    public int HandshakeTimeoutSec { get; set; } = 10;

    public bool Enabled => !string.IsNullOrWhiteSpace(CertFile) || !string.IsNullOrWhiteSpace(KeyFile);
}
