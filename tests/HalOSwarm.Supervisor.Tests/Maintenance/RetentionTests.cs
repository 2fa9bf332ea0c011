using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Events;
using HalOSwarm.Supervisor.Maintenance;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Maintenance;

/// <summary>Event retention through the composed supervisor: agents' events over a real socket, the real writer, a real file.</summary>
public sealed class RetentionTests
{
    private static readonly DateTimeOffset s_old = DateTimeOffset.UtcNow.AddDays(-40);

    [Fact]
    public async Task Retention_OldAndRecentEvents_OldArchivedAndDeletedRecentKeptIngestUnaffected()
    {
        await using var host = await StartAsync(batchEvents: 7);
        await using var agent = await TestAgent.ConnectAsync(host, "node-ret");
        await agent.SendEventsAsync([.. Events(1, 30, s_old), .. Events(31, 40, DateTimeOffset.UtcNow)]);
        await agent.WaitForAckAsync(40);
        await using var busy = await TestAgent.ConnectAsync(host, "node-busy");

        // Another node writes while the pass runs: its events go through the same bulk lane as the deletes.
        var ingest = Task.Run(async () =>
        {
            for (var from = 1L; from <= 2000; from += 100)
            {
                await busy.SendEventsAsync(Events(from, from + 99, DateTimeOffset.UtcNow, "ses_busy"));
            }
            await busy.WaitForAckAsync(2000, 30_000);
        });
        var result = await host.Service<EventRetentionService>().RunOnceAsync(CancellationToken.None);
        await ingest;

        Assert.Equal(30, result.Deleted);
        Assert.Equal(Enumerable.Range(31, 10).Select(i => (long)i), await SeqsAsync(host, "node-ret"));
        Assert.Equal(Enumerable.Range(1, 2000).Select(i => (long)i), await SeqsAsync(host, "node-busy"));
        var archived = await ReadArchiveAsync(result.ArchivePath!);
        Assert.Equal(Enumerable.Range(1, 30).Select(i => (long)i), archived.Select(e => e["seq"]!.GetValue<long>()));
        Assert.All(archived, e => Assert.Equal("node-ret", e["node_id"]!.GetValue<string>()));
        Assert.StartsWith(Path.Combine(host.Directory, "archive"), result.ArchivePath, StringComparison.Ordinal);
        // The session's latest state stays in the projection.
        var session = await host.GetDataAsync("/api/v1/sessions/ses_r");
        Assert.Equal("node-ret", session.GetProperty("node_id").GetString());
    }

    [Fact]
    public async Task Retention_ConsumerCursorBehindOldEvents_EventsAfterItStayUntilItMovesOnAndTheNodesNewestStays()
    {
        await using var host = await StartAsync(batchEvents: 500, archive: false);
        await using var agent = await TestAgent.ConnectAsync(host, "node-cur");
        await agent.SendEventsAsync(Events(1, 20, s_old, "ses_c"));
        await agent.WaitForAckAsync(20);
        var ids = await IdsAsync(host, "node-cur");
        await SetCursorAsync(host, "policies", ids[4]); // a consumer that has handled the first five, saved just now

        var first = await host.Service<EventRetentionService>().RunOnceAsync(CancellationToken.None);
        var afterFirst = await SeqsAsync(host, "node-cur");
        await SetCursorAsync(host, "policies", ids[^1]);
        var second = await host.Service<EventRetentionService>().RunOnceAsync(CancellationToken.None);

        Assert.Equal(5, first.Deleted);
        Assert.Null(first.ArchivePath);
        Assert.Equal(Enumerable.Range(6, 15).Select(i => (long)i), afterFirst);
        // The node's newest event stays whatever its age: ids never repeat, and the table still shows how far the node got.
        Assert.Equal(14, second.Deleted);
        Assert.Equal([20L], await SeqsAsync(host, "node-cur"));
        Assert.False(Directory.Exists(Path.Combine(host.Directory, "archive")));
    }

    [Fact]
    public async Task Retention_ReaderCatchingUpFromAnOldId_ItsEventsStayUntilItIsClosed()
    {
        await using var host = await StartAsync(batchEvents: 500, archive: false);
        await using var agent = await TestAgent.ConnectAsync(host, "node-rd");
        await agent.SendEventsAsync(Events(1, 20, s_old, "ses_d"));
        await agent.WaitForAckAsync(20);
        var retention = host.Service<EventRetentionService>();

        RetentionResult whileOpen;
        // A live stream that came back with Last-Event-ID 0 and has not read the stored events yet.
        using (host.Service<EventFeed>().Open(new EventFilter(null, null, [], [], null, null), afterId: 0))
        {
            whileOpen = await retention.RunOnceAsync(CancellationToken.None);
        }
        var afterClose = await retention.RunOnceAsync(CancellationToken.None);

        Assert.Equal(0, whileOpen.Deleted);
        Assert.Equal(19, afterClose.Deleted); // all but the node's newest
        Assert.Equal([20L], await SeqsAsync(host, "node-rd"));
    }

    [Fact]
    public async Task Retention_BadValues_EachRefusedWithItsKey()
    {
        var problems = await Assert.ThrowsAsync<HalOSwarm.Supervisor.Configuration.ConfigurationProblemsException>(() => SupervisorHost.StartAsync(config =>
            config["retention"] = new JsonObject { ["events_days"] = -1, ["batch_events"] = 0, ["interval_minutes"] = 0, ["archive_dir"] = "" }));

        Assert.Contains(problems.Problems, p => p.StartsWith("retention.events_days:", StringComparison.Ordinal));
        Assert.Contains(problems.Problems, p => p.StartsWith("retention.batch_events:", StringComparison.Ordinal));
        Assert.Contains(problems.Problems, p => p.StartsWith("retention.interval_minutes:", StringComparison.Ordinal));
        Assert.Contains(problems.Problems, p => p.StartsWith("retention.archive_dir:", StringComparison.Ordinal));
    }

    private static Task<SupervisorHost> StartAsync(int batchEvents, bool archive = true) => SupervisorHost.StartAsync(config =>
        config["retention"] = new JsonObject { ["events_days"] = 30, ["batch_events"] = batchEvents, ["archive"] = archive });

    private static AgentEvent[] Events(long from, long to, DateTimeOffset ts, string sessionId = "ses_r") =>
        [.. Enumerable.Range((int)from, (int)(to - from + 1)).Select(i => new AgentEvent(i, EventTypes.MessageDelta, sessionId, ts.AddMilliseconds(i),
            JsonDocument.Parse($$"""{"message_id":"m{{i}}","part_id":"p","delta":"t{{i}}"}""").RootElement.Clone()))];

    private static async Task<List<long>> SeqsAsync(SupervisorHost host, string nodeId) =>
        await QueryAsync(host, "SELECT seq FROM events WHERE node_id = @n AND seq IS NOT NULL ORDER BY seq", nodeId);

    private static async Task<List<long>> IdsAsync(SupervisorHost host, string nodeId) =>
        await QueryAsync(host, "SELECT id FROM events WHERE node_id = @n AND seq IS NOT NULL ORDER BY id", nodeId);

    private static async Task<List<long>> QueryAsync(SupervisorHost host, string sql, string nodeId)
    {
        await using var connection = await host.OpenDatabaseAsync();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.AddParameter("@n", nodeId);
        var values = new List<long>();
        using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetInt64(0));
        }
        return values;
    }

    private static async Task SetCursorAsync(SupervisorHost host, string consumer, long lastId)
    {
        await using var connection = await host.OpenDatabaseAsync(readOnly: false);
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO event_cursors (consumer, last_id, updated_at) VALUES (@c, @id, @now)
            ON CONFLICT (consumer) DO UPDATE SET last_id = excluded.last_id, updated_at = excluded.updated_at
            """;
        command.AddParameter("@c", consumer);
        command.AddParameter("@id", lastId);
        command.AddParameter("@now", SqliteTime.Format(DateTimeOffset.UtcNow));
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<JsonNode>> ReadArchiveAsync(string path)
    {
        await using var file = File.OpenRead(path);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var lines = new List<JsonNode>();
        while (await reader.ReadLineAsync() is { } line)
        {
            lines.Add(JsonNode.Parse(line)!);
        }
        return lines;
    }
}
