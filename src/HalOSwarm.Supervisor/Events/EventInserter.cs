using HalOSwarm.Supervisor.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Events;

/// <summary>
/// Inserts events with one prepared statement. The writer owns id assignment (it is the only writer), so no
/// <c>RETURNING</c> or extra query is needed per event; <c>INSERT OR IGNORE</c> on (node_id, seq) keeps agent
/// events exactly-once even if a duplicate slips past the reader.
/// </summary>
internal sealed class EventInserter
{
    private readonly WriteContext _context;
    private readonly SqliteCommand _insert;
    private long _nextId;
    private long _batchStartId;

    public EventInserter(WriteContext context)
    {
        _context = context;
        _insert = context.Prepare(
            "INSERT OR IGNORE INTO events (id, node_id, seq, type, session_id, ts, data) VALUES ($id, $node, $seq, $type, $session, $ts, $data)",
            "$id", "$node", "$seq", "$type", "$session", "$ts", "$data");
        using var max = context.Connection.CreateCommand();
        max.CommandText = "SELECT coalesce(max(id), 0) FROM events";
        _nextId = (long)max.ExecuteScalar()! + 1;
    }

    public void BeginBatch() => _batchStartId = _nextId;

    /// <summary>The batch was rolled back: the ids it took are free again.</summary>
    public void RollbackBatch() => _nextId = _batchStartId;

    /// <summary>Returns false when (node_id, seq) is already stored.</summary>
    public bool Insert(string nodeId, long? seq, string type, string? sessionId, DateTimeOffset ts, string data)
    {
        var id = _nextId;
        WriteContext.Set(_insert, 0, id);
        WriteContext.Set(_insert, 1, nodeId);
        WriteContext.Set(_insert, 2, seq);
        WriteContext.Set(_insert, 3, type);
        WriteContext.Set(_insert, 4, sessionId);
        WriteContext.Set(_insert, 5, SqliteTime.Format(ts));
        WriteContext.Set(_insert, 6, data);
        if (_insert.ExecuteNonQuery() == 0)
        {
            return false;
        }
        _nextId++;
        if (_context.CollectStored)
        {
            _context.Stored.Add(new StoredEvent(id, nodeId, seq, type, sessionId, ts, data));
        }
        return true;
    }
}
