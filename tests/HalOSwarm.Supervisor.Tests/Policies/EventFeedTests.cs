using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Events;
using HalOSwarm.Supervisor.Policies;
using HalOSwarm.Supervisor.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace HalOSwarm.Supervisor.Tests.Policies;

public sealed class EventFeedTests
{
    private const int Count = 10_050;

    [Fact]
    public async Task ReadAsync_SubscriberDroppedForFallingBehind_ResubscribesAndYieldsEveryEventOnceInOrder()
    {
        using var db = await TestDatabase.CreateAsync();
        var events = Enumerable.Range(1, Count)
            .Select(i => new StoredEvent(i, "node-1", i, i % 2 == 0 ? EventTypes.SessionError : EventTypes.MessageDelta, "ses_1", Sessions.T0, "{}"))
            .ToList();
        var broadcaster = new EventBroadcaster();
        var feed = new EventFeed(broadcaster, new EventQueries(db.Database), new OpenFeedReaders(), NullLogger<EventFeed>.Instance);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var reader = feed.ReadAsync([EventTypes.SessionError], 0, cts.Token).GetAsyncEnumerator(cts.Token);

        await InsertAsync(db.Database, events.Take(2));
        Assert.True(await reader.MoveNextAsync());
        Assert.Equal(2, reader.Current.Id);
        // The consumer pauses while more than the subscriber's capacity is published: the broadcaster drops it.
        await InsertAsync(db.Database, events.Skip(2));
        broadcaster.Publish(events.Skip(2).ToList());

        var seen = new List<long> { reader.Current.Id };
        while (seen.Count < Count / 2 && await reader.MoveNextAsync())
        {
            seen.Add(reader.Current.Id);
        }

        Assert.Equal(Enumerable.Range(1, Count / 2).Select(i => (long)i * 2), seen);
    }

    private static async Task InsertAsync(SqliteDatabase database, IEnumerable<StoredEvent> events)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO events (id, node_id, seq, type, session_id, ts, data) VALUES ($id, $n, $id, $t, $s, $ts, '{}')";
        var id = command.Parameters.Add("$id", Microsoft.Data.Sqlite.SqliteType.Integer);
        var type = command.Parameters.Add("$t", Microsoft.Data.Sqlite.SqliteType.Text);
        command.Parameters.AddWithValue("$n", "node-1");
        command.Parameters.AddWithValue("$s", "ses_1");
        command.Parameters.AddWithValue("$ts", SqliteTime.Format(Sessions.T0));
        foreach (var stored in events)
        {
            id.Value = stored.Id;
            type.Value = stored.Type;
            await command.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }
}
