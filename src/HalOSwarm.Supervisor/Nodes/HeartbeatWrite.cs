using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Nodes;

/// <summary>A node's heartbeat: its last-seen time and resources. Ingest: the bulk lane (liveness itself is kept in memory).</summary>
internal sealed record HeartbeatWrite(string NodeId, ResourceUsage? Resources, DateTimeOffset At) : WriteOp
{
    public override WriteLane Lane => WriteLane.Bulk;
}
