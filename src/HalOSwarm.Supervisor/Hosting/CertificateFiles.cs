using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace HalOSwarm.Supervisor.Hosting;

/// <summary>
/// Reads the PEM certificate and key of <c>server.tls</c>: the leaf with its key, and any chain certificates that follow
/// it in the certificate file. Every failure is a message that names the key whose file is at fault.
/// </summary>
internal static class CertificateFiles
{
    public const string CertKey = "server.tls.cert_file";
    public const string KeyKey = "server.tls.key_file";

    /// <summary>Modification times and sizes of both files: a change of either means "read them again".</summary>
    public static string Stamp(string certFile, string keyFile) => $"{StampOf(certFile)}|{StampOf(keyFile)}";

    public static bool TryLoad(string certFile, string keyFile, out LoadedCertificate? loaded, out string error)
    {
        loaded = null;
        error = "";
        var stamp = Stamp(certFile, keyFile);
        X509Certificate2Collection all;
        try
        {
            all = [];
            all.ImportFromPemFile(certFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            error = $"{CertKey}: cannot read '{certFile}': {ex.Message}";
            return false;
        }
        if (all.Count == 0)
        {
            error = $"{CertKey}: '{certFile}' holds no PEM certificate (-----BEGIN CERTIFICATE-----)";
            return false;
        }
        X509Certificate2 leaf;
        try
        {
            using var pem = X509Certificate2.CreateFromPemFile(certFile, keyFile);
            // Through PKCS#12 so the key is a persisted one, which every platform's TLS stack accepts.
            leaf = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = $"{KeyKey}: cannot read '{keyFile}': {ex.Message}";
            return false;
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            error = $"{KeyKey}: '{keyFile}' is not an unencrypted PEM private key of the certificate in {CertKey}: {ex.Message}";
            return false;
        }
        var chain = new X509Certificate2Collection();
        foreach (var certificate in all)
        {
            if (certificate.Thumbprint != leaf.Thumbprint)
            {
                chain.Add(certificate);
            }
        }
        loaded = new LoadedCertificate(leaf, chain, stamp);
        return true;
    }

    private static string StampOf(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? $"{info.LastWriteTimeUtc.Ticks}:{info.Length}" : "missing";
    }
}
