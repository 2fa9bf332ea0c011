using HalOSwarm.Protocol;

namespace HalOSwarm.Supervisor.Events;

/// <summary>A node said hello: register it, reconcile its sessions, record <c>node.online</c>; completes with durable_seq.</summary>
internal sealed record NodeOnlineWrite(Hello Hello, DateTimeOffset At) : WriteOp
{
    public TaskCompletionSource<long> DurableSeq { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
