namespace HalOSwarm.Supervisor.Storage.Writing;

/// <summary>What the writer's thread reports about its own timing (metrics); called on that thread, so it must be cheap.</summary>
internal interface IWriterObserver
{
    /// <summary>An op was taken into a batch <paramref name="wait"/> after it was queued in <paramref name="lane"/>.</summary>
    void Waited(WriteLane lane, TimeSpan wait);

    /// <summary>
    /// A batch committed: how long its begin took, applying its ops (and the participants' flush), and the commit alone.
    /// </summary>
    void Committed(bool priority, TimeSpan begin, TimeSpan apply, TimeSpan commit);

    /// <summary>What ran on the writer's thread after the commit (acks, live publishing, a WAL restart) before it took the next batch.</summary>
    void AfterCommit(TimeSpan afterCommit);
}
