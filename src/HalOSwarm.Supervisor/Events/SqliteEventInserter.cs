using System.Globalization;
using System.Text;
using HalOSwarm.Supervisor.Observability;
using HalOSwarm.Supervisor.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace HalOSwarm.Supervisor.Events;

/// <summary>
/// Inserts events with one statement prepared once and bound by position, with UTF-8 values (the data as it came
/// off the socket), straight through SQLite's C API: no parameter lookup by name, no string round trip. The writer
/// owns id assignment (it is the only writer of the file), so no <c>RETURNING</c> or extra query is needed per event.
/// </summary>
internal sealed class SqliteEventInserter : EventInserter
{
    private const string TimePattern = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'"; // as SqliteTime.Format
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _insert;
    private readonly Dictionary<string, byte[]> _utf8 = new(StringComparer.Ordinal);
    private long _nextId;
    private long _batchStartId;

    /// <param name="context">The writer's connection.</param>
    /// <param name="broadcaster">Where committed events go live; null collects nothing (micro-benchmarks).</param>
    /// <param name="metrics">Counts the events a batch stored, by type, once it is committed; null counts nothing.</param>
    public SqliteEventInserter(SqliteWriteContext context, IEventPublisher? broadcaster, SupervisorMetrics? metrics = null)
        : base(broadcaster, metrics)
    {
        _db = context.Connection.Handle!;
        Check(raw.sqlite3_prepare_v2(_db,
            "INSERT INTO events (id, node_id, seq, type, session_id, ts, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", out _insert));
        using var max = context.Connection.CreateCommand();
        max.CommandText = "SELECT coalesce(max(id), 0) FROM events";
        _nextId = (long)max.ExecuteScalar()! + 1;
    }

    public override void BeginBatch()
    {
        base.BeginBatch();
        _batchStartId = _nextId;
    }

    /// <summary>The batch was rolled back: the ids it took are free again.</summary>
    public override void RollbackBatch()
    {
        base.RollbackBatch();
        _nextId = _batchStartId;
    }

    protected override long InsertRow(string nodeId, long? seq, string type, string? sessionId, DateTimeOffset ts, ReadOnlyMemory<byte> data)
    {
        var id = _nextId;
        Span<byte> time = stackalloc byte[40];
        ts.UtcDateTime.TryFormat(time, out var timeLength, TimePattern, CultureInfo.InvariantCulture);
        raw.sqlite3_bind_int64(_insert, 1, id);
        raw.sqlite3_bind_text(_insert, 2, Utf8(nodeId));
        if (seq is { } s)
        {
            raw.sqlite3_bind_int64(_insert, 3, s);
        }
        else
        {
            raw.sqlite3_bind_null(_insert, 3);
        }
        raw.sqlite3_bind_text(_insert, 4, Utf8(type));
        if (sessionId is null)
        {
            raw.sqlite3_bind_null(_insert, 5);
        }
        else
        {
            raw.sqlite3_bind_text(_insert, 5, Utf8(sessionId));
        }
        raw.sqlite3_bind_text(_insert, 6, time[..timeLength]);
        raw.sqlite3_bind_text(_insert, 7, data.Span);
        var rc = raw.sqlite3_step(_insert);
        raw.sqlite3_reset(_insert);
        if (rc != raw.SQLITE_DONE)
        {
            Check(rc);
        }
        _nextId++;
        return id;
    }

    private ReadOnlySpan<byte> Utf8(string value)
    {
        if (!_utf8.TryGetValue(value, out var bytes))
        {
            if (_utf8.Count > 100_000)
            {
                _utf8.Clear();
            }
            bytes = Encoding.UTF8.GetBytes(value);
            _utf8[value] = bytes;
        }
        return bytes;
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_db));
        }
    }

    /// <summary>Idempotent: registered as itself and as a participant, the writer's scope disposes it twice.</summary>
    public override void Dispose() => _insert.Dispose();
}
