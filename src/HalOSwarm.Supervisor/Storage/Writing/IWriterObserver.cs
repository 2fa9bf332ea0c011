namespace HalOSwarm.Supervisor.Storage.Writing;

/// <summary>What the writer's thread reports about its own timing (metrics); called on that thread, so it must be cheap.</summary>
internal interface IWriterObserver
{
    /// <summary>An op was taken into a batch <paramref name="wait"/> after it was queued in <paramref name="lane"/>.</summary>
    void Waited(WriteLane lane, TimeSpan wait);

    /// <summary>A batch committed: <paramref name="batch"/> from its begin, <paramref name="commit"/> for the commit alone.</summary>
    void Committed(bool priority, TimeSpan batch, TimeSpan commit);
}
