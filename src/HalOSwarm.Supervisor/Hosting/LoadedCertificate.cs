using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace HalOSwarm.Supervisor.Hosting;

/// <summary>A certificate read from the files, the chain to send with it, and the files' stamp when they were read.</summary>
internal sealed class LoadedCertificate(X509Certificate2 leaf, X509Certificate2Collection chain, string stamp)
{
    public X509Certificate2 Leaf { get; } = leaf;

    public string Stamp { get; } = stamp;

    /// <summary>Built once per certificate (offline: no fetching of intermediates during a handshake).</summary>
    public SslStreamCertificateContext Context { get; } = SslStreamCertificateContext.Create(leaf, chain, offline: true);
}
