using HalOSwarm.Supervisor.Nodes;
using HalOSwarm.Supervisor.Sessions;

namespace HalOSwarm.Supervisor.Events;

/// <summary>How the writer applies each kind of <see cref="WriteOp"/> inside a batch transaction.</summary>
internal sealed partial class EventWriter
{
    private static void Apply(WriteContext context, EventInserter inserter, SessionProjection projection, NodeStateStore nodes, WriteOp op, DateTimeOffset now)
    {
        switch (op)
        {
            case EventsWrite write:
                var startSeq = nodes.DurableSeq(write.NodeId);
                var durableSeq = startSeq;
                foreach (var e in write.Events)
                {
                    if (e.Seq <= durableSeq)
                    {
                        continue; // already stored: a duplicate that slipped past the reader is not stored twice
                    }
                    durableSeq = e.Seq;
                    // A refused event is neither stored nor applied, but its seq counts as received: the agent moves on.
                    var rejection = e.Rejection ?? (e.SessionId is { } sid && projection.OwnerOf(sid) is { } owner && owner != write.NodeId
                        ? $"session {sid} belongs to another node"
                        : null);
                    if (rejection is not null)
                    {
                        nodes.Reject(write.NodeId, e.Seq, $"event '{Printable(e.Type)}'", rejection, now);
                        continue;
                    }
                    inserter.Insert(write.NodeId, e.Seq, e.Type, e.SessionId, e.Ts, e.Data);
                    projection.Apply(write.NodeId, e.Type, e.SessionId, e.Ts, e.Data);
                }
                if (durableSeq > startSeq)
                {
                    nodes.Advance(write.NodeId, durableSeq);
                }
                break;
            case NodeOnlineWrite online:
                var durable = nodes.Online(online.Hello, online.At);
                context.AfterCommit.Add(() => online.DurableSeq.TrySetResult(durable));
                break;
            case NodeOfflineWrite offline when !offline.IsSuperseded():
                nodes.Offline(offline.NodeId, offline.Hostname, offline.Reason, offline.At);
                break;
            case HeartbeatWrite heartbeat:
                nodes.Heartbeat(heartbeat.NodeId, heartbeat.Resources, heartbeat.At);
                break;
            case WriterCall call:
                ApplyCall(context, call);
                break;
            case SupervisorEventWrite own:
                inserter.Insert(own.NodeId, null, own.Type, own.SessionId, own.At, own.Data);
                context.AfterCommit.Add(() => own.Stored.TrySetResult());
                break;
        }
    }

    /// <summary>A refused type as it may appear in a log line or the node's last rejection: printable ASCII, bounded.</summary>
    private static string Printable(string type)
    {
        var text = new string([.. type.Take(64).Select(c => c is >= ' ' and <= '~' ? c : '?')]);
        return type.Length > 64 ? text + "..." : text;
    }

    private static void ApplyCall(WriteContext context, WriterCall call)
    {
        const string Savepoint = "writer_call";
        var transaction = context.Transaction!;
        transaction.Save(Savepoint);
        try
        {
            call.Work(context.Connection, transaction);
            transaction.Release(Savepoint);
            context.AfterCommit.Add(() => call.Done.TrySetResult());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            transaction.Rollback(Savepoint);
            transaction.Release(Savepoint);
            context.AfterCommit.Add(() => call.Done.TrySetException(ex));
        }
    }
}
