using HalOSwarm.Supervisor.Storage.Writing;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Channels.Delivery;

/// <summary>
/// One delivery's attempts within its target's lane: the sender of its kind is called (post, or update of the post's
/// message), and the outcome is stored before the lane moves on. A 429's <c>retry_after</c> holds the lane for exactly
/// that long and is not counted as an attempt; a permanent refusal fails at once; anything else is retried with
/// exponential backoff and jitter until <c>channels.delivery.max_attempts</c>.
/// </summary>
internal sealed partial class DeliverySend(
    IEnumerable<IChannelSender> senders,
    IStorageWriter writer,
    DeliveryReasons reasons,
    DeliveryMetrics metrics,
    IOptions<ChannelsOptions> options,
    TimeProvider timeProvider,
    ILogger<DeliverySend> logger)
{
    private static readonly TimeSpan s_minimumWait = TimeSpan.FromMilliseconds(100);
    private readonly Dictionary<string, IChannelSender> _senders = senders.ToDictionary(s => s.Kind, StringComparer.Ordinal);

    public async Task SendAsync(OutboxLane lane, OutboxItem item, CancellationToken cancellationToken)
    {
        if (Refusal(item, out var sender) is { } refusal)
        {
            await FailAsync(item, item.Attempts, refusal, cancellationToken);
            return;
        }
        while (true)
        {
            await KeepIntervalAsync(lane, sender!.MinInterval, cancellationToken);
            string? messageRef;
            try
            {
                messageRef = await CallAsync(sender, item, cancellationToken);
            }
            catch (ChannelDeliveryException ex) when (ex.RetryAfter is { } asked && !ex.Permanent)
            {
                // A zero wait would resend at once, as often as the platform answers.
                var wait = asked < s_minimumWait ? s_minimumWait : asked;
                lane.LastSentAt = timeProvider.GetUtcNow();
                var reason = reasons.Scrub(ex.Message);
                await StoreAsync(new DeliveryOutcome(item.Id, DeliveryStates.Pending, item.Attempts, timeProvider.GetUtcNow() + wait, reason, null, null),
                    item, DeliveryMetrics.Retried, cancellationToken);
                LogRateLimited(logger, item.Id, item.Target, (long)wait.TotalMilliseconds);
                await Task.Delay(wait, timeProvider, cancellationToken);
                continue;
            }
            catch (ChannelDeliveryException ex) when (ex.Permanent)
            {
                lane.LastSentAt = timeProvider.GetUtcNow();
                await FailAsync(item, item.Attempts + 1, reasons.Scrub(ex.Message), cancellationToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                lane.LastSentAt = timeProvider.GetUtcNow();
                await RetryAsync(item, reasons.Scrub(ex is ChannelDeliveryException or HttpRequestException ? ex.Message : Describe(ex)), cancellationToken);
                return;
            }
            var now = timeProvider.GetUtcNow();
            lane.LastSentAt = now;
            await StoreAsync(new DeliveryOutcome(item.Id, DeliveryStates.Delivered, item.Attempts + 1, now, null, messageRef, now), item,
                DeliveryMetrics.Delivered, cancellationToken);
            return;
        }
    }

    /// <summary>The wait before retry number <paramref name="attempts"/>: doubling from the initial backoff, ±25 % jitter, capped.</summary>
    public static TimeSpan Backoff(DeliveryOptions options, int attempts)
    {
        var cap = TimeSpan.FromSeconds(options.MaxBackoffSeconds).TotalMilliseconds;
        var exponential = Math.Min(cap, options.InitialBackoffMs * Math.Pow(2, Math.Clamp(attempts - 1, 0, 30)));
        var jittered = exponential * (0.75 + (Random.Shared.NextDouble() * 0.5));
        return TimeSpan.FromMilliseconds(Math.Min(cap, jittered));
    }

    private string? Refusal(OutboxItem item, out IChannelSender? sender)
    {
        sender = null;
        if (item.Op == DeliveryStates.Update)
        {
            if (item.PostState is null)
            {
                return "there is no post of this alert to this target to update";
            }
            if (item.PostState == DeliveryStates.Failed)
            {
                return "its post failed, so there is no message to update";
            }
            if (item.PostRef is null)
            {
                return "the platform gave its post no message reference, so it cannot be updated";
            }
        }
        if (!_senders.TryGetValue(item.Kind, out sender))
        {
            return $"no sender for '{item.Kind}' targets (kinds: {string.Join(", ", ChannelKinds.All)})";
        }
        return sender.Knows(item.Name) ? null : $"{item.Kind} is not configured, or has no target '{item.Name}'";
    }

    private static async Task<string?> CallAsync(IChannelSender sender, OutboxItem item, CancellationToken cancellationToken)
    {
        // Set here, in its own async method, so the value flows into the sender's call and is gone after it.
        DeliveryContext.Current = new DeliveryContext(item.Id, item.Op, item.Attempts + 1);
        if (item.Op == DeliveryStates.Post)
        {
            return await sender.PostAsync(item.Name, item.Alert, cancellationToken);
        }
        await sender.UpdateAsync(item.Name, item.PostRef!, item.Alert, cancellationToken);
        return null;
    }

    private async Task KeepIntervalAsync(OutboxLane lane, TimeSpan minInterval, CancellationToken cancellationToken)
    {
        if (lane.LastSentAt is { } last && last + minInterval - timeProvider.GetUtcNow() is { } wait && wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, timeProvider, cancellationToken);
        }
    }

    private async Task RetryAsync(OutboxItem item, string reason, CancellationToken cancellationToken)
    {
        var attempts = item.Attempts + 1;
        var delivery = options.Value.Delivery;
        if (attempts >= delivery.MaxAttempts)
        {
            await FailAsync(item, attempts, $"gave up after {attempts} attempts: {reason}", cancellationToken);
            return;
        }
        var next = timeProvider.GetUtcNow() + Backoff(delivery, attempts);
        await StoreAsync(new DeliveryOutcome(item.Id, DeliveryStates.Pending, attempts, next, reason, null, null), item, DeliveryMetrics.Retried,
            cancellationToken);
        LogRetry(logger, item.Id, item.Target, attempts, reason);
    }

    private async Task FailAsync(OutboxItem item, int attempts, string reason, CancellationToken cancellationToken)
    {
        await StoreAsync(new DeliveryOutcome(item.Id, DeliveryStates.Failed, attempts, timeProvider.GetUtcNow(), reason, null, null), item,
            DeliveryMetrics.Failed, cancellationToken);
        LogFailed(logger, item.Id, item.Target, reason);
    }

    private async Task StoreAsync(DeliveryOutcome outcome, OutboxItem item, string counted, CancellationToken cancellationToken)
    {
        await writer.WriteAsync(outcome, cancellationToken);
        metrics.Counted(item.Kind, item.Op, counted);
    }

    // An exception's message can carry anything (a URL with a token); its type and the platform's own words are enough.
    private static string Describe(Exception ex) => ex is OperationCanceledException or TimeoutException ? "timed out" : ex.GetType().Name + ": " + ex.Message;
}
