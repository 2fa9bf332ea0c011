using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace HalOSwarm.Shell;

/// <summary>
/// How hal-agent and halctl decide to trust the supervisor's TLS certificate (compiled into each from src/Shared).
/// Nothing configured: the system trust store. A CA file: the certificate must chain to one of its certificates and
/// name the host dialled. A pin: the SHA-256 of the certificate's public key (SubjectPublicKeyInfo) must match, whatever
/// signed it (a self-signed certificate included); with both, both must hold.
/// </summary>
internal sealed class ServerTrust
{
    private readonly X509Certificate2Collection? _authorities;
    private readonly byte[]? _pin;

    private ServerTrust(X509Certificate2Collection? authorities, byte[]? pin)
    {
        _authorities = authorities;
        _pin = pin;
    }

    /// <summary>What was refused last, for the error that follows a failed handshake.</summary>
    public string? LastProblem { get; private set; }

    /// <summary>
    /// Null when neither is set (the platform's default validation applies). <paramref name="caError"/> and
    /// <paramref name="pinError"/> say what is wrong with each; the caller prefixes them with its own key or option.
    /// </summary>
    public static bool TryCreate(string? caFile, string? pin, out ServerTrust? trust, out string? caError, out string? pinError)
    {
        trust = null;
        caError = null;
        pinError = null;
        X509Certificate2Collection? authorities = null;
        if (!string.IsNullOrWhiteSpace(caFile))
        {
            authorities = [];
            try
            {
                authorities.ImportFromPemFile(caFile);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
            {
                caError = $"cannot read '{caFile}': {ex.Message}";
            }
            if (caError is null && authorities.Count == 0)
            {
                caError = $"'{caFile}' holds no PEM certificate (-----BEGIN CERTIFICATE-----)";
            }
        }
        byte[]? pinBytes = null;
        if (!string.IsNullOrWhiteSpace(pin))
        {
            if (!TryParsePin(pin, out pinBytes))
            {
                pinError = $"'{pin}' is not a SHA-256 pin (64 hex digits, colons allowed, or 44 characters of base64)";
            }
        }
        if (caError is not null || pinError is not null)
        {
            return false;
        }
        trust = authorities is null && pinBytes is null ? null : new ServerTrust(authorities, pinBytes);
        return true;
    }

    /// <summary>The pin of a certificate: SHA-256 of its SubjectPublicKeyInfo, lowercase hex.</summary>
    public static string PinOf(X509Certificate2 certificate) =>
        Convert.ToHexStringLower(SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo()));

    public static bool TryParsePin(string text, out byte[] pin)
    {
        pin = [];
        var hex = text.Trim().Replace(":", "", StringComparison.Ordinal);
        if (hex.Length == 64 && hex.All(Uri.IsHexDigit))
        {
            pin = Convert.FromHexString(hex);
            return true;
        }
        var base64 = new byte[48];
        if (Convert.TryFromBase64String(text.Trim(), base64, out var written) && written == 32)
        {
            pin = base64[..32];
            return true;
        }
        return false;
    }

    /// <summary>For <c>RemoteCertificateValidationCallback</c>.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        LastProblem = Check(certificate, chain, errors);
        return LastProblem is null;
    }

    private string? Check(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null)
        {
            return "the supervisor sent no certificate";
        }
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        if (_pin is not null)
        {
            var seen = PinOf(leaf);
            if (!CryptographicOperations.FixedTimeEquals(Convert.FromHexString(seen), _pin))
            {
                return $"the certificate's public key has pin {seen}, not the configured one";
            }
            if (_authorities is null)
            {
                return null;
            }
        }
        if (_authorities is null)
        {
            return errors == SslPolicyErrors.None ? null : $"the certificate is not trusted by this machine ({errors})";
        }
        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return "the certificate does not name the host in the URL";
        }
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(_authorities);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            foreach (var element in chain.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }
        return custom.Build(leaf)
            ? null
            : "the certificate does not chain to the CA file: " + string.Join("; ", custom.ChainStatus.Select(s => s.StatusInformation.Trim()));
    }
}
