using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Events;

/// <summary>Stores an event the supervisor records itself.</summary>
internal sealed class SupervisorEventWriteHandler(EventInserter inserter) : IWriteHandler<SupervisorEventWrite>
{
    public void Apply(SupervisorEventWrite op, WriteBatch batch)
    {
        inserter.Insert(op.NodeId, null, op.Type, op.SessionId, op.At, op.Data);
        batch.Completed(op);
    }
}
