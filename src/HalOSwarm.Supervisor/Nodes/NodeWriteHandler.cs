using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Nodes;

/// <summary>The writer's node ops: hello (register and reconcile), offline, heartbeat; the SQL is <see cref="NodeStateStore"/>'s.</summary>
internal sealed class NodeWriteHandler(NodeStateStore nodes) :
    IWriteHandler<NodeOnlineWrite>, IWriteHandler<NodeOfflineWrite>, IWriteHandler<HeartbeatWrite>
{
    public void Apply(NodeOnlineWrite op, WriteBatch batch) => batch.Completed(op, nodes.Online(op.Hello, op.At));

    public void Apply(NodeOfflineWrite op, WriteBatch batch)
    {
        if (!op.IsSuperseded())
        {
            nodes.Offline(op.NodeId, op.Hostname, op.Reason, op.At, op.HeldBy);
        }
    }

    public void Apply(HeartbeatWrite op, WriteBatch batch) => nodes.Heartbeat(op.NodeId, op.Resources, op.At);
}
