using HalOSwarm.Supervisor.Configuration;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Hosting;

/// <summary>
/// Checks the certificate and key files every <c>server.tls.reload_check_sec</c> and loads them again when either
/// changed (a renewal that replaces or rewrites them). Files that cannot be loaded keep the current certificate in use
/// and are reported once per change, so a renewal caught half-written is retried when its second file lands.
/// </summary>
internal sealed partial class CertificateReloader(
    ServerCertificate certificate,
    IOptions<ServerOptions> options,
    TimeProvider timeProvider,
    ILogger<CertificateReloader> logger) : BackgroundService
{
    private string? _failedStamp;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.Tls.ReloadCheckSec), timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Check();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>One check: reload when the files changed since the last load or the last failed attempt.</summary>
    public void Check()
    {
        var stamp = CertificateFiles.Stamp(certificate.CertFile, certificate.KeyFile);
        if (stamp == certificate.Current.Stamp || stamp == _failedStamp)
        {
            return;
        }
        if (CertificateFiles.TryLoad(certificate.CertFile, certificate.KeyFile, out var loaded, out var error))
        {
            certificate.Replace(loaded!);
            _failedStamp = null;
            var leaf = loaded!.Leaf;
            LogReloaded(logger, leaf.Subject, leaf.Thumbprint, leaf.NotAfter);
        }
        else
        {
            _failedStamp = stamp;
            var current = certificate.Current.Leaf;
            LogReloadFailed(logger, error, current.Thumbprint, current.NotAfter);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, EventName = "tls.certificate_reloaded",
        Message = "TLS certificate reloaded: {subject} (thumbprint {thumbprint}, valid until {not_after:u}); new connections use it")]
    private static partial void LogReloaded(ILogger logger, string subject, string thumbprint, DateTime not_after);

    [LoggerMessage(Level = LogLevel.Error, EventName = "tls.certificate_reload_failed",
        Message = "TLS certificate files changed but cannot be used: {problem}. Still serving the previous certificate (thumbprint {thumbprint}, valid until {not_after:u}); fix the files and they are read again")]
    private static partial void LogReloadFailed(ILogger logger, string problem, string thumbprint, DateTime not_after);
}
