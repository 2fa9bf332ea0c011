using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Hosting;
using HalOSwarm.Testing;
using HalOSwarm.Testing.Tls;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Tests.Hosting;

public sealed class CertificateReloaderTests : IDisposable
{
    private readonly TempDirectory _certs = new("hal-tls");

    public void Dispose() => _certs.Dispose();

    [Fact]
    public void Check_BadFilesSeenSeveralTimes_KeepsTheOldCertificateAndLogsOnce()
    {
        var first = TestCertificate.Create(_certs.Path);
        Assert.True(CertificateFiles.TryLoad(first.CertFile, first.KeyFile, out var loaded, out _));
        var certificate = new ServerCertificate(loaded!, first.CertFile, first.KeyFile);
        var logger = new ListLogger();
        var reloader = new CertificateReloader(certificate, Options.Create(new ServerOptions()), TimeProvider.System, logger);

        File.WriteAllText(first.KeyFile, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        reloader.Check();
        reloader.Check();
        reloader.Check();

        Assert.Equal(first.Thumbprint, certificate.Current.Leaf.Thumbprint);
        var failure = Assert.Single(logger.Lines);
        Assert.Contains("server.tls.key_file", failure, StringComparison.Ordinal);
        Assert.Contains(first.Thumbprint, failure, StringComparison.Ordinal);

        var renewed = first.Renew();
        reloader.Check();

        Assert.Equal(renewed.Thumbprint, certificate.Current.Leaf.Thumbprint);
        Assert.Contains("reloaded", logger.Lines[^1], StringComparison.Ordinal);
    }

    private sealed class ListLogger : ILogger<CertificateReloader>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
