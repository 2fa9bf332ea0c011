using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Storage;

public sealed class PriorityLaneTests
{
    private const int Flooders = 4;
    private const int FramesPerNode = 100;
    private const int EventsPerFrame = 100;

    [Fact]
    public async Task Kill_IngestFloodsTheWriter_SucceedsWithinItsDeadlineAndEachNodesEventsStayInOrder()
    {
        await using var host = await SupervisorHost.StartAsync(c =>
        {
            c["database"]!["write_queue_capacity"] = 64;
            c["commands"] = new JsonObject { ["deadlines"] = new JsonObject { ["kill"] = 10 } };
        });
        await using var target = await TestAgent.ConnectAsync(host, "node-kill", sessions: [AgentCommands.Session("ses_k", SessionStatuses.Running)]);
        var flooders = new List<TestAgent>();
        for (var n = 0; n < Flooders; n++)
        {
            flooders.Add(await TestAgent.ConnectAsync(host, $"node-flood-{n}"));
        }
        try
        {
            // Frames encoded up front: the agents send as fast as the sockets take them, far faster than the writer commits.
            var frames = flooders.Select((_, n) => Frames($"ses_f{n}")).ToList();
            var floods = flooders.Select((agent, n) => Task.Run(async () =>
            {
                foreach (var frame in frames[n])
                {
                    await agent.SendRawAsync(frame);
                }
            })).ToList();
            await SupervisorHost.WaitUntilAsync(async () => await StoredAsync(host) > 0, "the flood to reach the database");

            var kill = host.Api.PostAsync("/api/v1/sessions/ses_k/kill", null);
            var command = await target.ReceiveCommandAsync();
            await target.ReplyAsync(command);
            using var response = await kill;
            var storedWhenAnswered = await StoredAsync(host);

            Assert.Equal(CommandTypes.Kill, command.Type);
            Assert.Equal(200, (int)response.StatusCode);
            Assert.Equal("succeeded", (await host.GetDataAsync($"/api/v1/commands/{command.CommandId}")).GetProperty("state").GetString());
            Assert.True(storedWhenAnswered < Flooders * FramesPerNode * EventsPerFrame,
                $"the writer had caught up with the flood ({storedWhenAnswered} events stored) before the kill was answered");

            await Task.WhenAll(floods);
            foreach (var agent in flooders)
            {
                await agent.WaitForAckAsync(FramesPerNode * EventsPerFrame, timeoutMs: 120_000);
            }
            for (var n = 0; n < Flooders; n++)
            {
                Assert.Equal(Enumerable.Range(1, FramesPerNode * EventsPerFrame).Select(i => (long)i), await SeqsInStoredOrderAsync(host, $"node-flood-{n}"));
            }
        }
        finally
        {
            foreach (var agent in flooders)
            {
                await agent.DisposeAsync();
            }
        }
    }

    private static List<byte[]> Frames(string sessionId)
    {
        var data = JsonDocument.Parse("""{"message_id":"msg_1","text":"Let me look at the failing test first; the assertion compares the parsed config with the defaults."}""").RootElement;
        var frames = new List<byte[]>();
        for (var f = 0; f < FramesPerNode; f++)
        {
            var events = Enumerable.Range(f * EventsPerFrame + 1, EventsPerFrame)
                .Select(seq => new AgentEvent(seq, EventTypes.MessageDelta, sessionId, Ev.T0.AddMilliseconds(seq), data))
                .ToArray();
            frames.Add(ProtocolCodec.Encode(MessageTypes.Events, new EventBatch(events), ProtocolJsonContext.Default.EventBatch, Ev.T0));
        }
        return frames;
    }

    private static async Task<long> StoredAsync(SupervisorHost host)
    {
        await using var reader = await host.OpenDatabaseAsync();
        using var query = reader.CreateCommand();
        query.CommandText = "SELECT count(*) FROM events WHERE node_id LIKE 'node-flood-%'";
        return Convert.ToInt64(await query.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<long>> SeqsInStoredOrderAsync(SupervisorHost host, string nodeId)
    {
        await using var reader = await host.OpenDatabaseAsync();
        using var query = reader.CreateCommand();
        query.CommandText = "SELECT seq FROM events WHERE node_id = @node AND seq IS NOT NULL ORDER BY id";
        query.AddParameter("@node", nodeId);
        var seqs = new List<long>();
        await using var rows = await query.ExecuteReaderAsync();
        while (await rows.ReadAsync())
        {
            seqs.Add(rows.GetInt64(0));
        }
        return seqs;
    }
}
