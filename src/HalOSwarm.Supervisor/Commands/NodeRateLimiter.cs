namespace HalOSwarm.Supervisor.Commands;

/// <summary>At most N sends per node in any one-second window; owned by the dispatcher's loop.</summary>
internal sealed class NodeRateLimiter(int perSecond)
{
    private static readonly TimeSpan s_window = TimeSpan.FromSeconds(1);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _sends = new(StringComparer.Ordinal);

    public bool TryTake(string nodeId, DateTimeOffset now)
    {
        if (!_sends.TryGetValue(nodeId, out var sends))
        {
            _sends[nodeId] = sends = new Queue<DateTimeOffset>();
        }
        while (sends.Count > 0 && now - sends.Peek() >= s_window)
        {
            sends.Dequeue();
        }
        if (sends.Count >= perSecond)
        {
            return false;
        }
        sends.Enqueue(now);
        return true;
    }
}
