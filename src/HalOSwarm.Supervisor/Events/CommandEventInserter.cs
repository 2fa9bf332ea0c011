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
    private readonly DbCommand _lock;
    private readonly DbCommand _next;
    private readonly DbCommand _notify;
    private long _nextId;
    private bool _holdsOrder;

    public CommandEventInserter(IWriteContext context, IEventPublisher? broadcaster, SupervisorMetrics? metrics = null)
        : base(broadcaster, metrics)
    {
        _insert = context.Prepare("INSERT INTO events (id, node_id, seq, type, session_id, ts, data) VALUES (@id, @node, @seq, @type, @session, @ts, @data)",
            "@id", "@node", "@seq", "@type", "@session", "@ts", "@data");
        // Two statements: in read committed each statement sees what was committed when it began, so the highest id is
        // read only once the lock is held (read in the locking statement, it could miss a commit made while waiting).
        _lock = context.Prepare($"SELECT pg_advisory_xact_lock({OrderLockKey})");
        _next = context.Prepare("SELECT coalesce(max(id), 0) FROM events");
        _notify = context.Prepare($"SELECT pg_notify('{EventRelay.Channel}', @last)", "@last");
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

    /// <summary>Tells the other supervisors (heard once committed) up to which id this transaction stored.</summary>
    protected override void FlushBatch()
    {
        if (_holdsOrder)
        {
            _notify.Run((_nextId - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    protected override long InsertRow(string nodeId, long? seq, string type, string? sessionId, DateTimeOffset ts, ReadOnlyMemory<byte> data)
    {
        if (!_holdsOrder)
        {
            _lock.ExecuteNonQuery();
            _nextId = Convert.ToInt64(_next.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) + 1;
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
