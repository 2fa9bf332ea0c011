using HalOSwarm.Supervisor.Observability;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Events;

/// <summary>
/// Stores events with ids in commit order, on the writer's connection: one subclass per provider does the insert
/// (<see cref="SqliteEventInserter"/>, <see cref="PostgresEventInserter"/>). Agent events are exactly-once by
/// (node_id, seq): the writer stores only seqs above the node's durable seq (<see cref="Nodes.NodeStateStore.DurableSeq"/>).
/// The events a batch stored are counted and published to live subscribers once it is committed; those of an isolated
/// op rolled back to its savepoint are forgotten.
/// </summary>
internal abstract class EventInserter : IWriteBatchParticipant, IDisposable
{
    private readonly IEventPublisher? _broadcaster;
    private readonly SupervisorMetrics? _metrics;
    private readonly List<string> _storedTypes = [];
    private readonly List<StoredEvent> _stored = [];
    private (int Stored, int Types) _savepoint;

    /// <param name="broadcaster">Where committed events go live; null collects nothing (micro-benchmarks).</param>
    /// <param name="metrics">Counts the events a batch stored, by type, once it is committed; null counts nothing.</param>
    protected EventInserter(IEventPublisher? broadcaster, SupervisorMetrics? metrics)
    {
        _broadcaster = broadcaster;
        _metrics = metrics;
    }

    /// <summary>The writer's inserter for its provider.</summary>
    public static EventInserter Create(IWriteContext context, IEventPublisher? broadcaster, SupervisorMetrics? metrics) => context switch
    {
        Storage.Sqlite.SqliteWriteContext sqlite => new SqliteEventInserter(sqlite, broadcaster, metrics),
        Storage.Postgres.PostgresWriteContext postgres => new PostgresEventInserter(postgres, broadcaster, metrics),
        _ => throw new NotSupportedException($"no event inserter for provider '{context.Provider}'"),
    };

    public virtual void BeginBatch()
    {
        _stored.Clear();
        _storedTypes.Clear();
    }

    /// <summary>The batch was rolled back: forget what it stored.</summary>
    public virtual void RollbackBatch()
    {
        _stored.Clear();
        _storedTypes.Clear();
    }

    /// <summary>An isolated op begins inside a savepoint.</summary>
    protected virtual void MarkSavepoint()
    {
    }

    /// <summary>The isolated op was rolled back to its savepoint: forget the rows it inserted.</summary>
    protected virtual void RollbackToSavepoint()
    {
    }

    void IWriteBatchParticipant.Begin() => BeginBatch();

    void IWriteBatchParticipant.Savepoint()
    {
        _savepoint = (_stored.Count, _storedTypes.Count);
        MarkSavepoint();
    }

    void IWriteBatchParticipant.RolledBackToSavepoint()
    {
        _stored.RemoveRange(_savepoint.Stored, _stored.Count - _savepoint.Stored);
        _storedTypes.RemoveRange(_savepoint.Types, _storedTypes.Count - _savepoint.Types);
        RollbackToSavepoint();
    }

    void IWriteBatchParticipant.Flush() => FlushBatch();

    /// <summary>Every op of the batch was applied, the transaction is still open.</summary>
    protected virtual void FlushBatch()
    {
    }

    void IWriteBatchParticipant.RolledBack() => RollbackBatch();

    void IWriteBatchParticipant.Committed()
    {
        if (_metrics is not null && _storedTypes.Count > 0)
        {
            foreach (var group in _storedTypes.CountBy(type => type, StringComparer.Ordinal))
            {
                _metrics.EventsStored(group.Key, group.Value);
            }
            _storedTypes.Clear();
        }
        if (_stored.Count > 0)
        {
            _broadcaster!.Publish(_stored.ToArray());
            _stored.Clear();
        }
    }

    /// <summary>Stores one event with the next id.</summary>
    public void Insert(string nodeId, long? seq, string type, string? sessionId, DateTimeOffset ts, string data) =>
        Insert(nodeId, seq, type, sessionId, ts, System.Text.Encoding.UTF8.GetBytes(data));

    /// <summary>Stores one event with the next id; <paramref name="data"/> is UTF-8 JSON and must stay unchanged.</summary>
    public void Insert(string nodeId, long? seq, string type, string? sessionId, DateTimeOffset ts, ReadOnlyMemory<byte> data)
    {
        var id = InsertRow(nodeId, seq, type, sessionId, ts, data);
        if (_metrics is not null)
        {
            _storedTypes.Add(type);
        }
        if (_broadcaster is not null)
        {
            _stored.Add(new StoredEvent(id, nodeId, seq, type, sessionId, ts, data));
        }
    }

    /// <summary>
    /// Writes the row inside the open transaction (or keeps it to write by <see cref="FlushBatch"/>, still inside it);
    /// returns the id it took.
    /// </summary>
    protected abstract long InsertRow(string nodeId, long? seq, string type, string? sessionId, DateTimeOffset ts, ReadOnlyMemory<byte> data);

    public abstract void Dispose();
}
