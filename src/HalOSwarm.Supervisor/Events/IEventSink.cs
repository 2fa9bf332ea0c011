namespace HalOSwarm.Supervisor.Events;

/// <summary>The writer's queue as the socket readers see it: awaiting is the back-pressure.</summary>
internal interface IEventSink
{
    /// <summary>Waits for room in the queue. Throws <see cref="System.Threading.Channels.ChannelClosedException"/> once the writer stopped.</summary>
    ValueTask EnqueueAsync(WriteOp op, CancellationToken cancellationToken);

    /// <summary>"ok", or what keeps the writer from committing.</summary>
    string Health { get; }
}
