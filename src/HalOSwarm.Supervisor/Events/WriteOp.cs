namespace HalOSwarm.Supervisor.Events;

/// <summary>One unit of work for the single database writer; ops are applied in the order they were queued.</summary>
internal abstract record WriteOp
{
    /// <summary>Events this op adds to a batch, for sizing transactions.</summary>
    public virtual int Weight => 1;
}
