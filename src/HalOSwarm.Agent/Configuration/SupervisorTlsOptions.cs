using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Agent.Configuration;

/// <summary>
/// The <c>supervisor_tls</c> section: how the agent trusts a <c>wss://</c> supervisor beyond the system trust store.
/// Both empty (the default): the system trust store decides.
/// </summary>
internal sealed class SupervisorTlsOptions
{
    /// <summary>PEM file of the CA (or the self-signed certificate itself) the supervisor's certificate must chain to.</summary>
    [ConfigurationKeyName("ca_file")]
    public string? CaFile { get; set; }

    /// <summary>SHA-256 of the supervisor certificate's public key (SubjectPublicKeyInfo), hex or base64.</summary>
    [ConfigurationKeyName("pin_sha256")]
    public string? PinSha256 { get; set; }

    public bool IsSet => !string.IsNullOrWhiteSpace(CaFile) || !string.IsNullOrWhiteSpace(PinSha256);

    /// <summary>Every problem, each with its key.</summary>
    public void Validate(string supervisorUrl, List<string> errors)
    {
        if (!IsSet)
        {
            return;
        }
        if (!string.IsNullOrWhiteSpace(CaFile) && !Path.IsPathFullyQualified(CaFile))
        {
            errors.Add($"supervisor_tls.ca_file: '{CaFile}' must be an absolute path");
            return;
        }
        if (!Shell.ServerTrust.TryCreate(CaFile, PinSha256, out _, out var caError, out var pinError))
        {
            if (caError is not null)
            {
                errors.Add("supervisor_tls.ca_file: " + caError);
            }
            if (pinError is not null)
            {
                errors.Add("supervisor_tls.pin_sha256: " + pinError);
            }
        }
        if (Uri.TryCreate(supervisorUrl, UriKind.Absolute, out var url) && url.Scheme == "ws")
        {
            errors.Add($"supervisor_tls: is set, but supervisor_url '{supervisorUrl}' is ws:// (plain); use wss://");
        }
    }
}
