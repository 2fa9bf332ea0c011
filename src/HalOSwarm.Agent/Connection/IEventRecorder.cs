using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.Connection;

/// <summary>Where runtimes and watchers hand their normalized events: stored durably, then sent.</summary>
internal interface IEventRecorder
{
    Task<IReadOnlyList<AgentEvent>> RecordAsync(IReadOnlyList<PendingEvent> events, CancellationToken cancellationToken);
}
