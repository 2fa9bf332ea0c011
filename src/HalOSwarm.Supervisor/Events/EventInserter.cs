using HalOSwarm.Supervisor.Observability;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Events;

/// <summary>
/// Stores events with ids in commit order, on the writer's connection: one subclass per provider does the insert
/// (<see cref="SqliteEventInserter"/>, <see cref="CommandEventInserter"/>). Agent events are exactly-once by
/// (node_id, seq): the writer stores only seqs above the node's durable seq (<see cref="Nodes.NodeStateStore.DurableSeq"/>).
/// The events a batch stored are counted and published to live subscribers once it is committed.
/// </summary>
internal abstract class EventInserter : IWriteBatchParticipant, IDisposable
{
    private readonly IEventPublisher? _broadcaster;
    private readonly SupervisorMetrics? _metrics;
    private readonly Dictionary<string, int> _storedByType = new(StringComparer.Ordinal);
    private readonly List<StoredEvent> _stored = [];

    /// <param name="broadcaster">Where committed events go live; null collects nothing (micro-benchmarks).</param>
    /// <param name="metrics">Counts the events a batch stored, by type, once it is committed; null counts nothing.</param>
    protected EventInserter(IEventPublisher? broadcaster, SupervisorMetrics? metrics)
    {
        _broadcaster = broadcaster;
        _metrics = metrics;
    }

    /// <summary>The writer's inserter for its provider.</summary>
    public static EventInserter Create(IWriteContext context, IEventPublisher? broadcaster, SupervisorMetrics? metrics) =>
        context is Storage.Sqlite.SqliteWriteContext sqlite
            ? new SqliteEventInserter(sqlite, broadcaster, metrics)
            : new CommandEventInserter(context, broadcaster, metrics);

    public virtual void BeginBatch()
    {
        _stored.Clear();
        _storedByType.Clear();
    }

    /// <summary>The batch was rolled back: forget what it stored.</summary>
    public virtual void RollbackBatch()
    {
        _stored.Clear();
        _storedByType.Clear();
    }

    void IWriteBatchParticipant.Begin() => BeginBatch();

    void IWriteBatchParticipant.Flush() => FlushBatch();

    /// <summary>Every op of the batch was applied, the transaction is still open.</summary>
    protected virtual void FlushBatch()
    {
    }

    void IWriteBatchParticipant.RolledBack() => RollbackBatch();

    void IWriteBatchParticipant.Committed()
    {
        if (_metrics is not null)
        {
            foreach (var (type, count) in _storedByType)
            {
                _metrics.EventsStored(type, count);
            }
            _storedByType.Clear();
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
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_storedByType, type, out _)++;
        }
        if (_broadcaster is not null)
        {
            _stored.Add(new StoredEvent(id, nodeId, seq, type, sessionId, ts, data));
        }
    }

    /// <summary>Writes the row inside the open transaction; returns the id it took.</summary>
    protected abstract long InsertRow(string nodeId, long? seq, string type, string? sessionId, DateTimeOffset ts, ReadOnlyMemory<byte> data);

    public abstract void Dispose();
}
