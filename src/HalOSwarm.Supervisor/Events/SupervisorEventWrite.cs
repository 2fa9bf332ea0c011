using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Events;

/// <summary>An event the supervisor records itself (policy decisions, approvals…); completes after the commit.</summary>
internal sealed record SupervisorEventWrite(string NodeId, string Type, string? SessionId, DateTimeOffset At, string Data) : AwaitedWrite
{
    /// <summary>Not undone alone: the event id it takes and the live publish belong to the whole batch.</summary>
    public override bool Isolated => false;
}
