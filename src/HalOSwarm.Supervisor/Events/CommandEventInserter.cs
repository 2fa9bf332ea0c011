using System.Data.Common;
using System.Text;
using HalOSwarm.Supervisor.Observability;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Events;

/// <summary>
/// Inserts events with a prepared ADO.NET command (PostgreSQL). Several supervisors may write one database, so ids
/// come from the database: the first event of a batch takes a transaction-scoped advisory lock (held to the commit)
/// and reads the highest id. Transactions that store events therefore commit one after the other, in id order, and a
/// reader that has seen id N never meets a smaller id committed later.
/// </summary>
internal sealed class CommandEventInserter : EventInserter
{
    /// <summary>The advisory lock key that orders event commits across supervisors ("hal-evnt" as bytes).</summary>
    public const long OrderLockKey = 0x68616c2d65766e74;

    private readonly DbCommand _insert;
    private readonly DbCommand _next;
    private long _nextId;
    private bool _holdsOrder;

    public CommandEventInserter(IWriteContext context, EventBroadcaster? broadcaster, SupervisorMetrics? metrics = null)
        : base(broadcaster, metrics)
    {
        _insert = context.Prepare("INSERT INTO events (id, node_id, seq, type, session_id, ts, data) VALUES (@id, @node, @seq, @type, @session, @ts, @data)",
            "@id", "@node", "@seq", "@type", "@session", "@ts", "@data");
        _next = context.Prepare($"SELECT pg_advisory_xact_lock({OrderLockKey}), (SELECT coalesce(max(id), 0) FROM events)");
    }

    public override void BeginBatch()
    {
        base.BeginBatch();
        _holdsOrder = false;
    }

    public override void RollbackBatch()
    {
        base.RollbackBatch();
        _holdsOrder = false;
    }

    protected override long InsertRow(string nodeId, long? seq, string type, string? sessionId, DateTimeOffset ts, ReadOnlyMemory<byte> data)
    {
        if (!_holdsOrder)
        {
            using var reader = _next.ExecuteReader();
            reader.Read();
            _nextId = reader.GetInt64(1) + 1;
            _holdsOrder = true;
        }
        var id = _nextId;
        _insert.Run(id, nodeId, seq, type, sessionId, SqliteTime.Format(ts), Encoding.UTF8.GetString(data.Span));
        _nextId++;
        return id;
    }

    public override void Dispose()
    {
        // The commands belong to the writer's connection, which disposes them.
    }
}
