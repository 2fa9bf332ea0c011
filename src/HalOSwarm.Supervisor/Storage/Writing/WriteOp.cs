namespace HalOSwarm.Supervisor.Storage.Writing;

/// <summary>
/// One unit of work for the storage writer, applied by the <see cref="IWriteHandler{TOp}"/> registered for its type.
/// Ops of one lane are applied in the order they were queued; a priority op may be applied before bulk ops queued
/// earlier.
/// </summary>
internal abstract record WriteOp
{
    /// <summary>Rows (events) this op adds to a batch, for sizing transactions.</summary>
    public virtual int Weight => 1;

    public virtual WriteLane Lane => WriteLane.Priority;

    /// <summary>
    /// True when a failure of this op (its handler threw) undoes only its own changes and is reported to its caller,
    /// instead of failing the batch.
    /// </summary>
    public virtual bool Isolated => false;

    /// <summary>When the writer queued the op (a <see cref="System.Diagnostics.Stopwatch"/> timestamp), for its wait metric.</summary>
    internal long QueuedAt { get; set; }

    /// <summary>Reports a failure to whoever waits for the op; nobody does by default.</summary>
    public virtual void Fail(Exception exception)
    {
    }
}
