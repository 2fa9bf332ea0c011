using System.Data.Common;
using System.Globalization;
using System.Text;
using HalOSwarm.Supervisor.Observability;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Postgres;
using HalOSwarm.Supervisor.Storage.Sqlite;
using NpgsqlTypes;

namespace HalOSwarm.Supervisor.Events;

/// <summary>
/// Stores events on PostgreSQL. Several supervisors may write one database, so ids come from the database: the first
/// event of a batch takes a transaction-scoped advisory lock (held to the commit) and reads the highest id. Transactions
/// that store events therefore commit one after the other, in id order, and a reader that has seen id N never meets a
/// smaller id committed later. The rows are kept until every op of the batch was applied and then written in one binary
/// <c>COPY</c> (a single row by its prepared <c>INSERT</c>), inside the same transaction; the batch's last id is then
/// NOTIFYed for the other supervisors' relays.
/// </summary>
internal sealed class PostgresEventInserter : EventInserter
{
    /// <summary>The advisory lock key that orders event commits across supervisors ("hal-evnt" as bytes).</summary>
    public const long OrderLockKey = 0x68616c2d65766e74;

    private const string CopyCommand = "COPY events (id, node_id, seq, type, session_id, ts, data) FROM STDIN (FORMAT BINARY)";

    private readonly PostgresWriteContext _context;
    private readonly DbCommand _insert;
    private readonly DbCommand _lock;
    private readonly DbCommand _next;
    private readonly DbCommand _notify;
    private readonly List<Row> _rows = [];
    private long _nextId;
    private bool _holdsOrder;
    private (int Rows, long NextId, bool HoldsOrder) _savepoint;

    public PostgresEventInserter(PostgresWriteContext context, IEventPublisher? broadcaster, SupervisorMetrics? metrics = null)
        : base(broadcaster, metrics)
    {
        _context = context;
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
        _rows.Clear();
        _holdsOrder = false;
    }

    public override void RollbackBatch()
    {
        base.RollbackBatch();
        _rows.Clear();
        _holdsOrder = false;
    }

    protected override void MarkSavepoint() => _savepoint = (_rows.Count, _nextId, _holdsOrder);

    // A lock taken inside the savepoint went with it (PostgreSQL releases a rolled-back subtransaction's locks).
    protected override void RollbackToSavepoint()
    {
        _rows.RemoveRange(_savepoint.Rows, _rows.Count - _savepoint.Rows);
        (_nextId, _holdsOrder) = (_savepoint.NextId, _savepoint.HoldsOrder);
    }

    /// <summary>Writes the batch's rows, then tells the other supervisors (heard once committed) up to which id it stored.</summary>
    protected override void FlushBatch()
    {
        if (_rows.Count == 1)
        {
            var r = _rows[0];
            _insert.Run(r.Id, r.NodeId, r.Seq, r.Type, r.SessionId, SqliteTime.Format(r.Ts), Encoding.UTF8.GetString(r.Data.Span));
        }
        else if (_rows.Count > 1)
        {
            Copy();
        }
        _rows.Clear();
        if (_holdsOrder)
        {
            _notify.Run((_nextId - 1).ToString(CultureInfo.InvariantCulture));
        }
    }

    protected override long InsertRow(string nodeId, long? seq, string type, string? sessionId, DateTimeOffset ts, ReadOnlyMemory<byte> data)
    {
        if (!_holdsOrder)
        {
            _lock.ExecuteNonQuery();
            _nextId = Convert.ToInt64(_next.ExecuteScalar(), CultureInfo.InvariantCulture) + 1;
            _holdsOrder = true;
        }
        var id = _nextId++;
        _rows.Add(new Row(id, nodeId, seq, type, sessionId, ts, data));
        return id;
    }

    private void Copy()
    {
        using var importer = _context.Connection.BeginBinaryImport(CopyCommand);
        foreach (var r in _rows)
        {
            importer.StartRow();
            importer.Write(r.Id, NpgsqlDbType.Bigint);
            importer.Write(r.NodeId, NpgsqlDbType.Text);
            if (r.Seq is { } seq)
            {
                importer.Write(seq, NpgsqlDbType.Bigint);
            }
            else
            {
                importer.WriteNull();
            }
            importer.Write(r.Type, NpgsqlDbType.Text);
            if (r.SessionId is { } session)
            {
                importer.Write(session, NpgsqlDbType.Text);
            }
            else
            {
                importer.WriteNull();
            }
            importer.Write(SqliteTime.Format(r.Ts), NpgsqlDbType.Text);
            importer.Write(Encoding.UTF8.GetString(r.Data.Span), NpgsqlDbType.Text);
        }
        importer.Complete();
    }

    public override void Dispose()
    {
        // The commands belong to the writer's connection, which disposes them.
    }

    private readonly record struct Row(long Id, string NodeId, long? Seq, string Type, string? SessionId, DateTimeOffset Ts, ReadOnlyMemory<byte> Data);
}
