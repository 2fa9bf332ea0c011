using System.Globalization;
using System.Text.Json;
using HalOSwarm.Agent.Storage;
using HalOSwarm.Protocol;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Agent.Connection;

/// <summary>
/// The durable outbox: every event is stored, with its seq taken from the persisted <c>last_seq</c>
/// counter in the same transaction, before anything sends it; rows are deleted only when acknowledged.
/// </summary>
internal sealed class Outbox
{
    private readonly AgentDatabase _database;
    private readonly TimeProvider _timeProvider;
    private long _recorded;
    private long _sent;
    private long _acknowledged;

    public Outbox(AgentDatabase database, TimeProvider timeProvider)
    {
        _database = database;
        _timeProvider = timeProvider;
    }

    /// <summary>Raised after events were committed (outside the database lock).</summary>
    public event Action? Appended;

    /// <summary>Events recorded (read from the runtimes and stored) since the agent started.</summary>
    public long RecordedTotal => Interlocked.Read(ref _recorded);

    /// <summary>Events sent to the supervisor since the agent started (re-sends included).</summary>
    public long SentTotal => Interlocked.Read(ref _sent);

    /// <summary>Events the supervisor acknowledged since the agent started.</summary>
    public long AcknowledgedTotal => Interlocked.Read(ref _acknowledged);

    public void CountSent(int count) => Interlocked.Add(ref _sent, count);

    /// <summary>Stores the events in one transaction; returns those recorded (once-keys already used are skipped).</summary>
    public Task<IReadOnlyList<AgentEvent>> AppendAsync(IReadOnlyList<PendingEvent> events, CancellationToken cancellationToken) =>
        AppendAsync(events, null, cancellationToken);

    /// <summary>Stores the events and moves <paramref name="cursor"/> (when given) in one transaction.</summary>
    public async Task<IReadOnlyList<AgentEvent>> AppendAsync(IReadOnlyList<PendingEvent> events, RuntimeCursor? cursor, CancellationToken cancellationToken)
    {
        if (events.Count == 0 && cursor is null)
        {
            return [];
        }
        var ts = _timeProvider.GetUtcNow();
        var stored = await _database.TransactAsync((connection, transaction) =>
        {
            var last = long.Parse(connection.GetMeta("last_seq", transaction) ?? "0", CultureInfo.InvariantCulture);
            var recorded = new List<AgentEvent>(events.Count);
            foreach (var pending in events)
            {
                if (pending.OnceKey is not null && !Claim(connection, transaction, pending.OnceKey, last + 1))
                {
                    continue;
                }
                last++;
                using var insert = connection.Command(
                    "INSERT INTO outbox(seq, type, session_id, ts, data) VALUES ($s, $t, $sid, $ts, $d)", transaction)
                    .With("$s", last).With("$t", pending.Type).With("$sid", pending.SessionId)
                    .With("$ts", ts.ToString("O", CultureInfo.InvariantCulture)).With("$d", pending.Data.GetRawText());
                insert.ExecuteNonQuery();
                recorded.Add(new AgentEvent(last, pending.Type, pending.SessionId, ts, pending.Data));
            }
            connection.SetMeta("last_seq", last, transaction);
            if (cursor is not null)
            {
                using var move = connection.Command(
                    "INSERT INTO cursors(key, position) VALUES ($k, $p) ON CONFLICT(key) DO UPDATE SET position = excluded.position", transaction)
                    .With("$k", cursor.Key).With("$p", cursor.Position);
                move.ExecuteNonQuery();
            }
            return recorded;
        }, cancellationToken);
        if (stored.Count > 0)
        {
            Interlocked.Add(ref _recorded, stored.Count);
            Appended?.Invoke();
        }
        return stored;
    }

    /// <summary>Up to <paramref name="max"/> stored events with seq ≥ <paramref name="fromSeq"/>, ascending.</summary>
    public Task<IReadOnlyList<AgentEvent>> ReadAsync(long fromSeq, int max, CancellationToken cancellationToken) =>
        _database.RunAsync<IReadOnlyList<AgentEvent>>(connection =>
        {
            using var command = connection.Command(
                "SELECT seq, type, session_id, ts, data FROM outbox WHERE seq >= $f ORDER BY seq LIMIT $m")
                .With("$f", fromSeq).With("$m", max);
            using var reader = command.ExecuteReader();
            var events = new List<AgentEvent>();
            while (reader.Read())
            {
                using var data = JsonDocument.Parse(reader.GetString(4));
                events.Add(new AgentEvent(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2),
                    DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture),
                    data.RootElement.Clone()));
            }
            return events;
        }, cancellationToken);

    /// <summary>Deletes every event ≤ <paramref name="seq"/>: the supervisor has stored them.</summary>
    public async Task AckAsync(long seq, CancellationToken cancellationToken) =>
        Interlocked.Add(ref _acknowledged, await _database.TransactAsync((connection, transaction) =>
        {
            using var delete = connection.Command("DELETE FROM outbox WHERE seq <= $s", transaction).With("$s", seq);
            delete.ExecuteNonQuery();
            var acked = long.Parse(connection.GetMeta("acked_seq", transaction) ?? "0", CultureInfo.InvariantCulture);
            if (seq > acked)
            {
                connection.SetMeta("acked_seq", seq, transaction);
                return seq - acked;
            }
            return 0L;
        }, cancellationToken));

    public Task<OutboxRange> RangeAsync(CancellationToken cancellationToken) =>
        _database.RunAsync(connection =>
        {
            var last = long.Parse(connection.GetMeta("last_seq") ?? "0", CultureInfo.InvariantCulture);
            using var command = connection.Command("SELECT MIN(seq) FROM outbox");
            var first = command.ExecuteScalar() is long min ? min : last + 1;
            return new OutboxRange(first, last);
        }, cancellationToken);

    /// <summary>
    /// The supervisor already holds seqs up to <paramref name="seq"/> (say agent.db was lost): move the
    /// counter past them so new events are not taken for duplicates.
    /// </summary>
    public Task<bool> EnsureCounterAtLeastAsync(long seq, CancellationToken cancellationToken) =>
        _database.TransactAsync((connection, transaction) =>
        {
            var last = long.Parse(connection.GetMeta("last_seq", transaction) ?? "0", CultureInfo.InvariantCulture);
            if (seq <= last)
            {
                return false;
            }
            connection.SetMeta("last_seq", seq, transaction);
            return true;
        }, cancellationToken);

    /// <summary>A runtime cursor's position; 0 when it was never moved.</summary>
    public Task<long> ReadCursorAsync(string key, CancellationToken cancellationToken) =>
        _database.RunAsync(connection =>
        {
            using var command = connection.Command("SELECT position FROM cursors WHERE key = $k").With("$k", key);
            return command.ExecuteScalar() is long position ? position : 0L;
        }, cancellationToken);

    /// <summary>True when an event with this once-key was recorded.</summary>
    public Task<bool> WasRecordedAsync(string onceKey, CancellationToken cancellationToken) =>
        _database.RunAsync(connection =>
        {
            using var command = connection.Command("SELECT 1 FROM emitted WHERE key = $k").With("$k", onceKey);
            return command.ExecuteScalar() is not null;
        }, cancellationToken);

    private static bool Claim(SqliteConnection connection, SqliteTransaction transaction, string key, long seq)
    {
        using var command = connection.Command("INSERT OR IGNORE INTO emitted(key, seq) VALUES ($k, $s)", transaction)
            .With("$k", key).With("$s", seq);
        return command.ExecuteNonQuery() == 1;
    }
}
