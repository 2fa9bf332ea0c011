using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace HalOSwarm.Testing.Tls;

/// <summary>
/// A self-signed server certificate made in the test (ECDSA P-256, for <c>localhost</c> and <c>127.0.0.1</c>), written as
/// the PEM files a supervisor's <c>server.tls</c> reads.
/// </summary>
public sealed class TestCertificate
{
    private TestCertificate(string certFile, string keyFile, string thumbprint, string pin)
    {
        CertFile = certFile;
        KeyFile = keyFile;
        Thumbprint = thumbprint;
        Pin = pin;
    }

    public string CertFile { get; }

    public string KeyFile { get; }

    /// <summary>SHA-1 thumbprint, as <see cref="X509Certificate2.Thumbprint"/> gives it.</summary>
    public string Thumbprint { get; }

    /// <summary>SHA-256 of the public key (SubjectPublicKeyInfo), lowercase hex: what <c>supervisor_tls.pin_sha256</c> takes.</summary>
    public string Pin { get; }

    /// <summary>Writes <paramref name="name"/>.crt.pem and <paramref name="name"/>.key.pem into <paramref name="directory"/>.</summary>
    public static TestCertificate Create(string directory, string name = "server", string certFile = "", string keyFile = "")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN=hal-test-{name}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(7));
        certFile = certFile.Length > 0 ? certFile : Path.Combine(directory, name + ".crt.pem");
        keyFile = keyFile.Length > 0 ? keyFile : Path.Combine(directory, name + ".key.pem");
        // Written to a temporary name and moved, as a renewal does, so a reload never reads half a file.
        WriteAtomically(keyFile, key.ExportPkcs8PrivateKeyPem());
        WriteAtomically(certFile, certificate.ExportCertificatePem());
        var pin = Convert.ToHexStringLower(SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo()));
        return new TestCertificate(certFile, keyFile, certificate.Thumbprint, pin);
    }

    /// <summary>A new certificate and key written over this one's files.</summary>
    public TestCertificate Renew(string name = "renewed") => Create(Path.GetDirectoryName(CertFile)!, name, CertFile, KeyFile);

    private static void WriteAtomically(string path, string text)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }
}
