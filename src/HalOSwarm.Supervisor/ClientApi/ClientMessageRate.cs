namespace HalOSwarm.Supervisor.ClientApi;

/// <summary>A token bucket of the messages one connection may send: <see cref="ClientSocketLimits.MessagesPerSecond"/> sustained, a burst at once.</summary>
internal sealed class ClientMessageRate(TimeProvider timeProvider)
{
    private double _tokens = ClientSocketLimits.MessageBurst;
    private long _last = timeProvider.GetTimestamp();

    public bool TryTake()
    {
        var now = timeProvider.GetTimestamp();
        var elapsed = timeProvider.GetElapsedTime(_last, now).TotalSeconds;
        _last = now;
        _tokens = Math.Min(ClientSocketLimits.MessageBurst, _tokens + elapsed * ClientSocketLimits.MessagesPerSecond);
        if (_tokens < 1)
        {
            return false;
        }
        _tokens--;
        return true;
    }
}
