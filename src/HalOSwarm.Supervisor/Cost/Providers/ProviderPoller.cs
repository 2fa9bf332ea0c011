using HalOSwarm.Supervisor.Storage.Writing;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Cost.Providers;

/// <summary>
/// Polls every configured provider at start and then every <c>cost.poll_interval_minutes</c>, over the last
/// <see cref="LookBackDays"/> UTC days and today, and stores what each reported (replacing its days). Providers are
/// polled side by side: one that fails is marked degraded and the others are stored all the same. A poll asked for
/// (<see cref="PollNowAsync"/>) waits for one already running and then polls again.
/// </summary>
internal sealed partial class ProviderPoller(
    IEnumerable<IProviderSource> sources, ProviderStatusBoard board, ProviderBillingQueries queries, IStorageWriter writer,
    IOptions<CostOptions> options, TimeProvider timeProvider, ILogger<ProviderPoller> logger) : BackgroundService
{
    /// <summary>Days before today polled again each time: providers settle late usage and corrections into past days.</summary>
    public const int LookBackDays = 7;

    private readonly IReadOnlyList<IProviderSource> _sources = [.. sources];
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Polls every configured provider now; returns each provider's status afterwards.</summary>
    public async Task<IReadOnlyList<ProviderPollStatus>> PollNowAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
            await Task.WhenAll(_sources.Where(s => s.IsConfigured).Select(s => PollAsync(s, today.AddDays(-LookBackDays), today, cancellationToken)));
        }
        finally
        {
            _gate.Release();
        }
        return board.Snapshot();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_sources.Any(s => s.IsConfigured))
        {
            return;
        }
        try
        {
            board.Restore(await queries.StatusesAsync(stoppingToken));
            using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.PollIntervalMinutes), timeProvider);
            do
            {
                try
                {
                    await PollNowAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // What was fetched could not be stored (the writer's own log says why); the next tick tries again.
                    LogNotStored(logger, ex.GetType().Name);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task PollAsync(IProviderSource source, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        ProviderFetch? fetch = null;
        string? error = null;
        try
        {
            fetch = await source.FetchAsync(firstDay, lastDay, cancellationToken);
        }
        catch (ProviderPollException ex)
        {
            error = ex.Message;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A bug or an answer no check foresaw: the provider is degraded, the poller and the other providers go on.
            error = $"unexpected failure: {ex.GetType().Name}";
        }
        var now = timeProvider.GetUtcNow();
        var previous = board.Get(source.Provider);
        var status = error is null
            ? new ProviderPollStatus(source.Provider, ProviderStates.Ok, now, null)
            : new ProviderPollStatus(source.Provider, ProviderStates.Degraded, previous.LastSuccessAt, error);
        await writer.WriteAsync(new ProviderPollStored(status, now, fetch), cancellationToken);
        board.Record(status);
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }
}
