using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Dashboard.Session;
using HalOSwarm.Supervisor.Events;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Tests.Policies;

namespace HalOSwarm.Supervisor.Tests.Dashboard;

/// <summary>The session page's first read (the latest page, not all of a long session) and its live feed.</summary>
public sealed class TranscriptLoaderTests
{
    private static readonly DateTimeOffset s_at = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private static StoredEvent Completed(long id, string session = "ses_1") =>
        new(id, "node-1", id, EventTypes.MessageCompleted, session, s_at, $$"""{"message_id":"m{{id}}","role":"assistant","text":"answer {{id}}"}""");

    private static StoredEvent Delta(long id, string text) =>
        new(id, "node-1", id, EventTypes.MessageDelta, "ses_1", s_at, $$"""{"message_id":"live","part_id":"p1","text":"{{text}}"}""");

    [Fact]
    public async Task LoadAsync_LongSession_LatestPageAndTheStreamingMessageOnly()
    {
        using var db = await TestDatabase.CreateAsync();
        var events = Enumerable.Range(1, 500).Select(i => Completed(i)).ToList();
        events.AddRange([Delta(501, "still "), Delta(502, "streaming")]);
        await InsertAsync(db.Database, events);

        var (transcript, hasEarlier) = await TranscriptLoader.LoadAsync(new EventQueries(db.Database), "ses_1", 300, CancellationToken.None);

        Assert.True(hasEarlier);
        Assert.Equal(301, transcript.Entries.Count);
        Assert.Equal("answer 201", transcript.Entries[0].Text);
        Assert.Equal(("still streaming", true), (transcript.Entries[^1].Text, transcript.Entries[^1].Streaming));
        Assert.Equal(502, transcript.LastId);
    }

    [Fact]
    public async Task Feed_EventsOfThisAndAnotherSessionPublished_OnlyThisSessionsApplied()
    {
        using var db = await TestDatabase.CreateAsync();
        await InsertAsync(db.Database, [Completed(1)]);
        var broadcaster = new EventBroadcaster();
        await using var feed = new TranscriptFeed(broadcaster, new EventQueries(db.Database), "ses_1");
        await feed.StartAsync(CancellationToken.None);
        Assert.True(feed.TakeChanged());
        Assert.Single(feed.Transcript.Entries);

        var later = new[] { Completed(2, "ses_other"), Completed(3) };
        await InsertAsync(db.Database, later);
        broadcaster.Publish(later);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await feed.ReadAsync(t => t.LastId) < 3)
        {
            await Task.Delay(20, timeout.Token);
        }
        Assert.True(feed.TakeChanged());
        Assert.Equal(["answer 1", "answer 3"], await feed.ReadAsync(t => t.Entries.Select(e => e.Text).ToList()));
    }

    private static async Task InsertAsync(SqliteDatabase database, IEnumerable<StoredEvent> events)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        using var transaction = connection.BeginTransaction();
        foreach (var stored in events)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO events (id, node_id, seq, type, session_id, ts, data) VALUES ($id, $n, $id, $t, $s, $ts, $d)";
            command.Parameters.AddWithValue("$id", stored.Id);
            command.Parameters.AddWithValue("$n", stored.NodeId);
            command.Parameters.AddWithValue("$t", stored.Type);
            command.Parameters.AddWithValue("$s", stored.SessionId);
            command.Parameters.AddWithValue("$ts", SqliteTime.Format(stored.Ts));
            command.Parameters.AddWithValue("$d", stored.Data);
            await command.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }
}
