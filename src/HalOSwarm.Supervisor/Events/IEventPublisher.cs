namespace HalOSwarm.Supervisor.Events;

/// <summary>Where the writer hands the events of a batch once it is committed; never blocks the writer.</summary>
internal interface IEventPublisher
{
    void Publish(IReadOnlyList<StoredEvent> events);
}
