namespace HalOSwarm.Supervisor.Hosting;

/// <summary>
/// The certificate both listeners present. Each TLS handshake reads <see cref="Current"/>, so a reload takes effect on the
/// next connection while open ones keep theirs.
/// </summary>
internal sealed class ServerCertificate(LoadedCertificate initial, string certFile, string keyFile)
{
    private LoadedCertificate _current = initial;

    public string CertFile { get; } = certFile;

    public string KeyFile { get; } = keyFile;

    public LoadedCertificate Current => Volatile.Read(ref _current);

    public void Replace(LoadedCertificate next) => Volatile.Write(ref _current, next);
}
