using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Events;

public sealed class EventStreamTests
{
    [Fact]
    public async Task Stream_LiveEvents_ArriveFiltered()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-sse");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/events/stream?type=session.*");
        using var response = await host.Api.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        await agent.SendEventsAsync(Ev.Make(1, EventTypes.MessageDelta), Ev.Make(2, EventTypes.SessionIdle, "ses_live"));
        var received = await SseEvents.ReadAsync(reader);

        Assert.Equal("session.idle", received.Event);
        Assert.Equal("ses_live", received.Data.GetProperty("session_id").GetString());
        Assert.Equal(2, received.Data.GetProperty("seq").GetInt64());
    }

    [Fact]
    public async Task Stream_LastEventId_CatchesUpThenLive()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-cu");
        await agent.SendEventsAsync(Ev.Range(1, 3));
        await agent.WaitForAckAsync(3);
        var stored = await host.GetDataAsync("/api/v1/events?type=message.delta");
        var firstId = stored[0].GetProperty("id").GetInt64();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/events/stream?type=message.delta");
        request.Headers.Add("Last-Event-ID", firstId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var response = await host.Api.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var seqs = new List<long>();
        seqs.Add((await SseEvents.ReadAsync(reader)).Data.GetProperty("seq").GetInt64());
        seqs.Add((await SseEvents.ReadAsync(reader)).Data.GetProperty("seq").GetInt64());
        await agent.SendEventsAsync(Ev.Range(4, 4));
        seqs.Add((await SseEvents.ReadAsync(reader)).Data.GetProperty("seq").GetInt64());

        Assert.Equal([2L, 3, 4], seqs);
    }

    [Fact]
    public async Task Stream_CatchUpOverSeveralPages_EveryEventOnceInOrderThenLive()
    {
        const int Stored = 1_200; // the feed reads the database 500 at a time
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-pages");
        for (long from = 1; from <= Stored; from += 400)
        {
            await agent.SendEventsAsync(Ev.Range(from, from + 399));
        }
        await agent.WaitForAckAsync(Stored);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/events/stream?type=message.delta&after_id=0");
        using var response = await host.Api.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var seqs = new List<long>();
        while (seqs.Count < Stored)
        {
            seqs.Add((await SseEvents.ReadAsync(reader)).Data.GetProperty("seq").GetInt64());
        }
        await agent.SendEventsAsync(Ev.Range(Stored + 1, Stored + 1));
        seqs.Add((await SseEvents.ReadAsync(reader)).Data.GetProperty("seq").GetInt64());

        Assert.Equal(Enumerable.Range(1, Stored + 1).Select(i => (long)i), seqs);
    }
}
