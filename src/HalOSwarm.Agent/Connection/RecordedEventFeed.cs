using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.Connection;

/// <summary>
/// Tells in-process listeners (the prompt queue) about events once they are stored. Listeners must
/// return quickly: they run on the recording path. A separate type so listeners that need the runtimes
/// do not make the recorder depend on them.
/// </summary>
internal sealed class RecordedEventFeed
{
    public event Action<IReadOnlyList<AgentEvent>>? Recorded;

    public void Publish(IReadOnlyList<AgentEvent> events)
    {
        if (events.Count > 0)
        {
            Recorded?.Invoke(events);
        }
    }
}
