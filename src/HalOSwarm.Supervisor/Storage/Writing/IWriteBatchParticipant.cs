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

    /// <summary>An isolated op is about to be applied inside a savepoint: remember where this batch's state stands.</summary>
    void Savepoint()
    {
    }

    /// <summary>
    /// The isolated op failed and its changes were rolled back to the savepoint (locks it took included): forget what
    /// it added since <see cref="Savepoint"/>.
    /// </summary>
    void RolledBackToSavepoint()
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
