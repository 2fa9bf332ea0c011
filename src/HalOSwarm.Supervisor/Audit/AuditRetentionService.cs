using HalOSwarm.Supervisor.Configuration;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Audit;

/// <summary>Purges audit entries older than <c>security.audit.retention_days</c> at start and then once a day.</summary>
internal sealed partial class AuditRetentionService(
    AuditStore store, IOptions<AuditOptions> options, TimeProvider timeProvider, ILogger<AuditRetentionService> logger) : BackgroundService
{
    private static readonly TimeSpan s_interval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(s_interval, timeProvider);
        try
        {
            do
            {
                await PurgeOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public async Task PurgeOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var cutoff = timeProvider.GetUtcNow() - TimeSpan.FromDays(options.Value.RetentionDays);
            var purged = await store.PurgeAsync(cutoff, cancellationToken);
            if (purged > 0)
            {
                LogPurged(logger, purged, options.Value.RetentionDays);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPurgeFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, EventName = "audit.purged", Message = "Purged {count} audit entries older than {days} days")]
    private static partial void LogPurged(ILogger logger, int count, int days);

    [LoggerMessage(Level = LogLevel.Error, EventName = "audit.purge_failed", Message = "Purging old audit entries failed")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception);
}
