namespace HalOSwarm.Supervisor.Storage.Writing;

/// <summary>The writer's queues as features see them.</summary>
internal interface IStorageWriter
{
    /// <summary>
    /// Queues <paramref name="op"/> in its lane. A bulk op waits for room (back-pressure); a priority op never waits.
    /// Throws <see cref="System.Threading.Channels.ChannelClosedException"/> once the writer stopped.
    /// </summary>
    ValueTask EnqueueAsync(WriteOp op, CancellationToken cancellationToken);

    /// <summary>Queues <paramref name="op"/> in its lane if that needs no wait; false when the lane is full or closed.</summary>
    bool TryEnqueue(WriteOp op);

    /// <summary>Ops waiting in <paramref name="lane"/> (for <c>/metrics</c>).</summary>
    int Pending(WriteLane lane) => 0;

    /// <summary>"ok", or what keeps the writer from committing.</summary>
    string Health { get; }
}
