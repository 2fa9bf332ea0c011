using System.Data.Common;
using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Events;
using HalOSwarm.Supervisor.Cluster;
using HalOSwarm.Supervisor.Events;
using HalOSwarm.Supervisor.Security;
using HalOSwarm.Supervisor.Sessions;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Nodes;

/// <summary>
/// The nodes table as the writer changes it: hello (register and reconcile), offline, heartbeat, durable seqs (written
/// once per batch, acked to the nodes after the commit), refused input.
/// </summary>
internal sealed partial class NodeStateStore : IWriteBatchParticipant
{
    public const string NoLongerReported = "no longer reported by the agent";
    private readonly EventInserter _inserter;
    private readonly INodeAcknowledger _acknowledger;
    private readonly SessionProjection _projection;
    private readonly ILogger _logger;
    private readonly DbCommand _durable;
    private readonly DbCommand _upsertNode;
    private readonly DbCommand _upsertProject;
    private readonly DbCommand _snapshot;
    private readonly DbCommand _missing;
    private readonly DbCommand _offline;
    private readonly DbCommand _unreachable;
    private readonly DbCommand _heartbeat;
    private readonly DbCommand _advance;
    private readonly DbCommand _reject;
    private readonly Dictionary<string, long> _durableSeqs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _acks = new(StringComparer.Ordinal);
    private readonly string _supervisorId;
    private readonly DbCommand? _taken;
    private readonly bool _checkEveryBatch;

    public NodeStateStore(
        IWriteContext context, EventInserter inserter, SessionProjection projection, INodeAcknowledger acknowledger, SupervisorIdentity identity,
        ILogger<NodeStateStore> logger)
    {
        _supervisorId = identity.Id;
        _checkEveryBatch = context.Provider == StorageProviders.Postgres;
        _inserter = inserter;
        _acknowledger = acknowledger;
        _projection = projection;
        _logger = logger;
        // On PostgreSQL other supervisors write too: the row is locked until the commit, so two of them never store the
        // same seqs of a node (one that lost the node's socket may still be committing what it received).
        _durable = context.Prepare($"SELECT durable_seq FROM nodes WHERE node_id = @node{(_checkEveryBatch ? " FOR UPDATE" : "")}", "@node");
        _upsertNode = context.Prepare(NodeSql.Upsert, "@node", "@host", "@version", "@projects", "@runtimes", "@resources", "@at", "@durable", "@details",
            "@supervisor");
        _upsertProject = context.Prepare(NodeSql.UpsertProject, "@node", "@project", "@dir");
        _snapshot = context.Prepare(NodeSql.SnapshotSession, "@sid", "@node", "@project", "@runtime", "@status", "@model", "@title", "@started", "@last");
        _missing = context.Prepare(NodeSql.MissingSessions(context.Provider), "@node", "@ids", "@at", "@reason");
        _offline = context.Prepare("""
            UPDATE nodes SET status = 'offline' WHERE node_id = @node AND (supervisor_id IS NULL OR supervisor_id = @holder)
            """, "@node", "@holder");
        _unreachable = context.Prepare(NodeSql.Unreachable, "@node");
        _heartbeat = context.Prepare(NodeSql.Heartbeat, "@node", "@at", "@resources");
        _advance = context.Prepare("UPDATE nodes SET durable_seq = @seq WHERE node_id = @node AND durable_seq < @seq", "@node", "@seq");
        _reject = context.Prepare(NodeSql.Reject, "@node", "@reason", "@at");
        // Heard once committed by the other supervisors: one still holding a socket for the node closes it.
        _taken = _checkEveryBatch ? context.Prepare($"SELECT pg_notify('{NodeTakenChannel}', @payload)", "@payload") : null;
    }

    /// <summary>The channel on which a supervisor says it took a node's socket: <c>SUPERVISOR_ID NODE_ID</c> (PostgreSQL).</summary>
    public const string NodeTakenChannel = "hal_node_taken";

    /// <summary>Notes the node's new durable seq; <see cref="FlushDurable"/> writes it in the same transaction as the events.</summary>
    public void Advance(string nodeId, long seq)
    {
        _acks[nodeId] = seq;
        _durableSeqs[nodeId] = seq;
    }

    /// <summary>
    /// The node's durable seq as of this transaction: the writer stores an agent event only above it, which keeps
    /// (node_id, seq) exactly-once without a unique index.
    /// </summary>
    public long DurableSeq(string nodeId)
    {
        if (!_durableSeqs.TryGetValue(nodeId, out var seq))
        {
            _durable.Set(0, nodeId);
            seq = _durable.ExecuteScalar() is long stored ? stored : 0;
            _durableSeqs[nodeId] = seq;
        }
        return seq;
    }

    public void Begin()
    {
        _acks.Clear();
        if (_checkEveryBatch)
        {
            // Another supervisor may have stored events of a node since: every batch reads (and locks) the seq again.
            _durableSeqs.Clear();
        }
    }

    /// <summary>One durable_seq update per node per batch, just before the commit.</summary>
    public void Flush()
    {
        foreach (var (nodeId, seq) in _acks)
        {
            _advance.Run(nodeId, seq);
        }
    }

    /// <summary>The nodes hear their new durable seqs only once they are committed.</summary>
    public void Committed()
    {
        foreach (var (nodeId, seq) in _acks)
        {
            _acknowledger.Acknowledge(nodeId, seq);
        }
        _acks.Clear();
    }

    /// <summary>The transaction was rolled back: forget the seqs it advanced (they are read again).</summary>
    public void RolledBack()
    {
        _durableSeqs.Clear();
        _acks.Clear();
    }

    /// <summary>
    /// Registers the node and reconciles its sessions. The durable seq it returns is only ever what was stored: the
    /// outbox range the hello claims moves nothing here (the connection accepts the claimed start once the event is there).
    /// Sessions in the snapshot that belong to another node are left alone and counted as rejected.
    /// </summary>
    public long Online(Hello hello, DateTimeOffset at)
    {
        var durable = DurableSeq(hello.NodeId); // includes events of its previous connection earlier in this batch
        var atText = SqliteTime.Format(at);
        Run(_upsertNode, hello.NodeId, hello.Hostname, hello.AgentVersion,
            JsonSerializer.Serialize(hello.Projects ?? [], ProtocolJsonContext.Default.IReadOnlyListProjectInfo),
            JsonSerializer.Serialize(hello.Runtimes ?? [], ProtocolJsonContext.Default.IReadOnlyListString),
            hello.Resources is null ? null : JsonSerializer.Serialize(hello.Resources, ProtocolJsonContext.Default.ResourceUsage),
            atText, durable,
            JsonSerializer.Serialize(hello.RuntimeDetails ?? [], ProtocolJsonContext.Default.IReadOnlyListRuntimeInfo), _supervisorId);
        _taken?.Run($"{_supervisorId} {hello.NodeId}");
        foreach (var project in hello.Projects ?? [])
        {
            Run(_upsertProject, hello.NodeId, project.Name, project.Directory);
        }
        var ids = new List<string>();
        foreach (var session in hello.Sessions ?? [])
        {
            if (_projection.OwnerOf(session.SessionId) is { } owner && owner != hello.NodeId)
            {
                Reject(hello.NodeId, null, "hello", $"session {session.SessionId} belongs to another node", at);
                continue;
            }
            var status = SessionStatuses.All.Contains(session.Status) ? session.Status : SessionStatuses.Running;
            Run(_snapshot, session.SessionId, hello.NodeId, session.Project, session.Runtime, status, session.Model, session.Title,
                SqliteTime.Format(session.StartedAt ?? at), SqliteTime.Format(session.LastActivityAt));
            _projection.Known(session.SessionId, hello.NodeId);
            ids.Add(session.SessionId);
        }
        Run(_missing, hello.NodeId, JsonSerializer.Serialize(ids, ProtocolJsonContext.Default.IReadOnlyListString), atText, NoLongerReported);
        Record(EventTypes.NodeOnline, hello.NodeId, hello.Hostname, null, at);
        return durable;
    }

    /// <summary>Counts an event (or hello entry) of <paramref name="nodeId"/> that was refused, with the reason, and logs it.</summary>
    public void Reject(string nodeId, long? seq, string what, string reason, DateTimeOffset at)
    {
        Run(_reject, nodeId, BoundedText.Cut($"{what}{(seq is { } s ? $" seq {s}" : "")}: {reason}", 500), SqliteTime.Format(at));
        LogRejected(_logger, nodeId, seq, what, reason);
    }

    /// <summary>
    /// Marks the node offline while its row still names <paramref name="heldBy"/> (null: this supervisor); a node another
    /// supervisor took over since is left as it is, with no <c>node.offline</c>.
    /// </summary>
    public void Offline(string nodeId, string? hostname, string reason, DateTimeOffset at, string? heldBy = null)
    {
        if (_offline.Run(nodeId, heldBy ?? _supervisorId) == 0)
        {
            return;
        }
        Run(_unreachable, nodeId);
        Record(EventTypes.NodeOffline, nodeId, hostname, reason, at);
    }

    public void Heartbeat(string nodeId, ResourceUsage? resources, DateTimeOffset at) =>
        Run(_heartbeat, nodeId, SqliteTime.Format(at),
            resources is null ? null : JsonSerializer.Serialize(resources, ProtocolJsonContext.Default.ResourceUsage));

    private void Record(string type, string nodeId, string? hostname, string? reason, DateTimeOffset at)
    {
        var data = JsonSerializer.Serialize(new NodeStatusData(nodeId, hostname, reason), ProtocolJsonContext.Default.NodeStatusData);
        _inserter.Insert(nodeId, null, type, null, at, data);
    }

    private static void Run(DbCommand command, params object?[] values) => command.Run(values);

    [LoggerMessage(Level = LogLevel.Warning, EventName = "node.event_rejected",
        Message = "Refused {what} of node {node_id} (seq {seq}): {reason}")]
    private static partial void LogRejected(ILogger logger, string node_id, long? seq, string what, string reason);
}
