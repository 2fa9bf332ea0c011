using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Channels.Delivery;

/// <summary>
/// Sends the outbox: loads the due pending deliveries in id order (woken by <see cref="OutboxSignal"/>, else once a
/// second), hands each target's to its own <see cref="OutboxLane"/>, and records every attempt through the storage
/// writer before the next one. A delivery is marked delivered only after its platform accepted it, so a restart sends
/// again what was pending (see docs/CHANNELS.md, "Delivery", for what "once" means across a crash mid-send).
/// </summary>
internal sealed partial class OutboxDispatcher(
    DeliveryStore store,
    DeliverySend send,
    OutboxSignal signal,
    TimeProvider timeProvider,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    /// <summary>Due deliveries loaded per pass; the rest are loaded by the next.</summary>
    public const int BatchSize = 1000;

    private static readonly TimeSpan s_poll = TimeSpan.FromSeconds(1);
    private readonly Dictionary<string, OutboxLane> _lanes = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await DispatchAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogPassFailed(logger, ex.GetType().Name);
                }
                await WaitAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            // Lanes stop with the same token; what they were sending stays pending for the next start.
            await Task.WhenAll(_lanes.Values.Select(l => l.Running));
        }
    }

    private async Task DispatchAsync(CancellationToken cancellationToken)
    {
        var due = await store.DueAsync(timeProvider.GetUtcNow(), BatchSize, cancellationToken);
        foreach (var group in due.GroupBy(d => d.Target, StringComparer.Ordinal))
        {
            if (!_lanes.TryGetValue(group.Key, out var lane))
            {
                lane = _lanes[group.Key] = new OutboxLane(group.Key);
            }
            if (lane.Running.IsCompleted)
            {
                var items = group.ToList();
                lane.Running = Task.Run(() => RunLaneAsync(lane, items, cancellationToken), CancellationToken.None);
            }
        }
    }

    private async Task RunLaneAsync(OutboxLane lane, IReadOnlyList<OutboxItem> items, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var item in items)
            {
                await send.SendAsync(lane, item, cancellationToken);
            }
            // What was queued for this target while the lane ran goes now, not at the next poll.
            signal.Notify();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogLaneFailed(logger, lane.Target, ex.GetType().Name);
        }
    }

    private async Task WaitAsync(CancellationToken stoppingToken)
    {
        using var poll = new CancellationTokenSource(s_poll, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, poll.Token);
        try
        {
            await signal.WaitAsync(Timeout.InfiniteTimeSpan, linked.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
        }
    }
}
