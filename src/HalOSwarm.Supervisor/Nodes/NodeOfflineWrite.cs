using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Nodes;

/// <summary>
/// A node's connection ended: mark it offline, its live sessions unreachable, record <c>node.offline</c>.
/// Skipped when <see cref="IsSuperseded"/> says a newer connection of the node is live by then. In the bulk lane,
/// behind the events that connection queued, so they are never applied after the node went offline; nobody waits for it.
/// </summary>
internal sealed record NodeOfflineWrite(string NodeId, string? Hostname, string Reason, DateTimeOffset At, Func<bool> IsSuperseded) : WriteOp
{
    public override WriteLane Lane => WriteLane.Bulk;

    /// <summary>
    /// The supervisor the node's row must still name for the node to go offline (null: this one). A node another
    /// supervisor took over meanwhile stays as that one keeps it.
    /// </summary>
    public string? HeldBy { get; init; }
}
