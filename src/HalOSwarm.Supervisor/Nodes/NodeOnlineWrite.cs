using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Nodes;

/// <summary>
/// A node said hello: register it, reconcile its sessions, record <c>node.online</c>; completes with durable_seq.
/// The priority lane: the agent waits for its welcome.
/// </summary>
internal sealed record NodeOnlineWrite(Hello Hello, DateTimeOffset At) : AwaitedWrite<long>
{
    /// <summary>Not undone alone: the <c>node.online</c> event it stores belongs to the whole batch.</summary>
    public override bool Isolated => false;
}
