using System.Globalization;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Maintenance;

/// <summary>
/// Event retention (<c>retention.events_days</c>): a minute after start-up and then every
/// <c>retention.interval_minutes</c>, events older than the limit are archived (<c>retention.archive</c>) and deleted,
/// <c>retention.batch_events</c> at a time. Each batch is read on a reader connection, appended to the archive and
/// synced, then deleted by one <see cref="EventsPurge"/> op in the storage writer's bulk lane, where it takes its turn
/// between ingest batches like any agent's frame: ingest never waits for a pass, only shares the writer with it.
/// What is kept whatever its age: <see cref="RetentionStore.LimitsAsync"/>.
/// </summary>
internal sealed partial class EventRetentionService(
    RetentionStore store,
    IStorageWriter writer,
    SupervisorPaths paths,
    IOptions<RetentionOptions> options,
    TimeProvider timeProvider,
    ILogger<EventRetentionService> logger) : BackgroundService
{
    private static readonly TimeSpan s_firstPass = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The folder archive files go to.</summary>
    public string ArchiveFolder => Path.GetFullPath(options.Value.ArchiveDir, paths.DataFolder);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.EventsDays == 0)
        {
            return;
        }
        try
        {
            await Task.Delay(s_firstPass, timeProvider, stoppingToken);
            using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.IntervalMinutes), timeProvider);
            do
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    if (!stoppingToken.IsCancellationRequested)
                    {
                        LogPassFailed(logger, ex); // stopping: the writer closed its lanes under the pass, nothing failed
                    }
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One pass over every event older than the limit; passes never overlap.</summary>
    public async Task<RetentionResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.EventsDays == 0)
        {
            return new RetentionResult(0, 0, null);
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var started = timeProvider.GetUtcNow();
            var cutoff = started - TimeSpan.FromDays(settings.EventsDays);
            var limits = await store.LimitsAsync(cutoff, cancellationToken);
            string? archive = settings.Archive
                ? Path.Combine(ArchiveFolder, $"events-{started.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}.jsonl.gz")
                : null;
            var (afterTs, afterId) = ("", 0L);
            var (deleted, kept) = (0, 0);
            while (true)
            {
                var rows = await store.NextAsync(cutoff, afterTs, afterId, settings.BatchEvents, cancellationToken);
                if (rows.Count == 0)
                {
                    break;
                }
                (afterTs, afterId) = (SqliteTime.Format(rows[^1].Ts), rows[^1].Id);
                var old = rows.Where(r => limits.MayDelete(r.Id)).ToList();
                kept += rows.Count - old.Count;
                if (old.Count == 0)
                {
                    continue;
                }
                if (archive is not null)
                {
                    await EventArchive.AppendAsync(archive, old, cancellationToken);
                }
                var purged = await writer.WriteAsync(new EventsPurge([.. old.Select(r => r.Id)]), cancellationToken);
                deleted += purged;
                kept += old.Count - purged;
            }
            var result = new RetentionResult(deleted, kept, deleted > 0 ? archive : null);
            if (deleted > 0 || kept > 0)
            {
                LogPass(logger, deleted, settings.EventsDays, result.ArchivePath ?? "(not archived)", kept);
            }
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, EventName = "retention.pass",
        Message = "Retention removed {deleted} events older than {days} days (archive {archive_path}); kept {kept} still needed")]
    private static partial void LogPass(ILogger logger, int deleted, int days, string archive_path, int kept);

    [LoggerMessage(Level = LogLevel.Error, EventName = "retention.failed", Message = "An event retention pass failed; the next runs at the usual time")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
