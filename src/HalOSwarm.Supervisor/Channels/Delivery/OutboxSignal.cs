namespace HalOSwarm.Supervisor.Channels.Delivery;

/// <summary>
/// Wakes the outbox's dispatcher when deliveries were stored (the router after storing alerts, the alert book after
/// queueing updates), so it does not wait for its next poll. Signals coalesce.
/// </summary>
internal sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
        }
    }

    /// <summary>Waits for a <see cref="Notify"/> or <paramref name="timeout"/>, whichever is first; true when notified.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();
}
