using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace HalOSwarm.Testing.Tls;

/// <summary>Opens a new TLS connection and reports the certificate the server presented (whichever it is: the test checks it).</summary>
public static class TlsProbe
{
    public static async Task<X509Certificate2> GetCertificateAsync(int port, CancellationToken cancellationToken = default)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, cancellationToken);
        await using var tls = new SslStream(client.GetStream(), leaveInnerStreamOpen: false, (_, cert, _, _) => cert is not null);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "localhost" }, cancellationToken);
        return X509CertificateLoader.LoadCertificate(tls.RemoteCertificate!.GetRawCertData());
    }

    /// <summary>An HTTP client that trusts exactly <paramref name="certificate"/>'s key (the way a pinned client would).</summary>
    public static HttpClient PinnedClient(TestCertificate certificate, Uri baseAddress) =>
        new(new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, cert, _, _) => cert is not null && Pin(cert) == certificate.Pin,
            },
        })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };

    private static string Pin(X509Certificate cert)
    {
        using var parsed = X509CertificateLoader.LoadCertificate(cert.GetRawCertData());
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(parsed.PublicKey.ExportSubjectPublicKeyInfo()));
    }
}
