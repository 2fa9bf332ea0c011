using System.Text.Json;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Agent.Storage;
using HalOSwarm.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace HalOSwarm.Agent.Tests.Connection;

public sealed class OutboxTests : IDisposable
{
    private readonly TempDirectory _dir = new("hal-outbox");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _dir.Dispose();

    private static PendingEvent Event(string type = "session.idle", string? onceKey = null) =>
        new(type, "ses_1", JsonDocument.Parse("""{"reason":"x"}""").RootElement, onceKey);

    [Fact]
    public async Task Append_AllocatesContiguousSeqsFromOne()
    {
        using var db = new AgentDatabase(_dir.Path);
        var outbox = new Outbox(db, _time);

        var first = await outbox.AppendAsync([Event(), Event()], CancellationToken.None);
        var second = await outbox.AppendAsync([Event()], CancellationToken.None);

        Assert.Equal([1L, 2L, 3L], first.Concat(second).Select(e => e.Seq));
        var read = await outbox.ReadAsync(1, 10, CancellationToken.None);
        Assert.Equal([1L, 2L, 3L], read.Select(e => e.Seq));
        Assert.Equal("x", read[0].Data.GetProperty("reason").GetString());
        Assert.Equal(_time.GetUtcNow(), read[0].Ts);
        Assert.Equal(new OutboxRange(1, 3), await outbox.RangeAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Reopen_KeepsEventsAndCounter()
    {
        using (var db = new AgentDatabase(_dir.Path))
        {
            await new Outbox(db, _time).AppendAsync([Event(), Event()], CancellationToken.None);
        }
        using var reopened = new AgentDatabase(_dir.Path);
        var outbox = new Outbox(reopened, _time);

        var next = await outbox.AppendAsync([Event()], CancellationToken.None);

        Assert.Equal(3, Assert.Single(next).Seq);
        Assert.Equal(3, (await outbox.ReadAsync(0, 10, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Ack_DeletesUpToSeq_AndCounterIsNeverReused()
    {
        using (var db = new AgentDatabase(_dir.Path))
        {
            var outbox = new Outbox(db, _time);
            await outbox.AppendAsync([Event(), Event(), Event()], CancellationToken.None);
            await outbox.AckAsync(3, CancellationToken.None);
            Assert.Empty(await outbox.ReadAsync(0, 10, CancellationToken.None));
            Assert.Equal(new OutboxRange(4, 3), await outbox.RangeAsync(CancellationToken.None));
        }
        using var reopened = new AgentDatabase(_dir.Path);
        var again = await new Outbox(reopened, _time).AppendAsync([Event()], CancellationToken.None);
        Assert.Equal(4, Assert.Single(again).Seq);

        await using var reader = new SqliteConnection($"Data Source={reopened.Path};Mode=ReadOnly;Pooling=False");
        await reader.OpenAsync();
        await using var command = reader.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = 'last_seq'";
        Assert.Equal(4L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Ack_PartialKeepsTheRest()
    {
        using var db = new AgentDatabase(_dir.Path);
        var outbox = new Outbox(db, _time);
        await outbox.AppendAsync([Event(), Event(), Event()], CancellationToken.None);

        await outbox.AckAsync(2, CancellationToken.None);

        Assert.Equal([3L], (await outbox.ReadAsync(0, 10, CancellationToken.None)).Select(e => e.Seq));
    }

    [Fact]
    public async Task Append_OnceKey_RecordsOnlyTheFirst_EvenAfterAck()
    {
        using var db = new AgentDatabase(_dir.Path);
        var outbox = new Outbox(db, _time);

        var first = await outbox.AppendAsync([Event("message.completed", "msg:1"), Event("message.completed", "msg:1")], CancellationToken.None);
        await outbox.AckAsync(1, CancellationToken.None);
        var later = await outbox.AppendAsync([Event("message.completed", "msg:1"), Event()], CancellationToken.None);

        Assert.Single(first);
        Assert.Equal(2, Assert.Single(later).Seq);
        Assert.True(await outbox.WasRecordedAsync("msg:1", CancellationToken.None));
    }

    [Fact]
    public async Task Append_Concurrent_NoHolesNoDuplicates()
    {
        using var db = new AgentDatabase(_dir.Path);
        var outbox = new Outbox(db, _time);

        var tasks = Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            var seqs = new List<long>();
            for (var i = 0; i < 10; i++)
            {
                seqs.AddRange((await outbox.AppendAsync([Event(), Event()], CancellationToken.None)).Select(e => e.Seq));
            }
            return seqs;
        }));
        var all = (await Task.WhenAll(tasks)).SelectMany(s => s).Order().ToList();

        Assert.Equal(Enumerable.Range(1, 400).Select(i => (long)i), all);
    }

    [Fact]
    public async Task EnsureCounterAtLeast_MovesPastSupervisorSeq()
    {
        using var db = new AgentDatabase(_dir.Path);
        var outbox = new Outbox(db, _time);

        Assert.True(await outbox.EnsureCounterAtLeastAsync(10, CancellationToken.None));
        Assert.False(await outbox.EnsureCounterAtLeastAsync(5, CancellationToken.None));

        Assert.Equal(11, Assert.Single(await outbox.AppendAsync([Event()], CancellationToken.None)).Seq);
    }
}
