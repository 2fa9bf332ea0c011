namespace HalOSwarm.Supervisor.Storage.Writing;

/// <summary>
/// Per-batch hooks for what keeps state across the ops of one transaction (caches, deferred updates, rows to publish).
/// Registered with <see cref="WritingServiceCollectionExtensions.AddWriteParticipant{T}"/>; called on the writer's
/// thread in registration order.
/// </summary>
internal interface IWriteBatchParticipant
{
    /// <summary>A transaction began.</summary>
    void Begin()
    {
    }

    /// <summary>Every op of the batch was applied: write what was deferred, inside the transaction.</summary>
    void Flush()
    {
    }

    /// <summary>The transaction is committed: tell whoever waits (acks, live subscribers).</summary>
    void Committed()
    {
    }

    /// <summary>The transaction was rolled back (it is retried): forget what it did.</summary>
    void RolledBack()
    {
    }
}
