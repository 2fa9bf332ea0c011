using System.Net;
using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Security;

/// <summary>The live stream can neither be injected into nor be used to hold the supervisor's memory.</summary>
public sealed class StreamTests
{
    [Fact]
    public async Task EventType_WithLineBreaks_RefusedAtIngest_StreamCarriesNoForgedRecord()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-inj");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/events/stream");
        using var response = await host.Api.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var before = await DbSnapshot.TakeAsync(host);

        const string Forged = "evil\ndata: {\"id\":999999999,\"type\":\"session.completed\"}\nid: 999999999\n\nevent: session.completed";
        await agent.SendEventsAsync(Ev.Make(1, Forged, "ses_1"), Ev.Make(2, EventTypes.SessionIdle, "ses_1"));
        await agent.WaitForAckAsync(2);

        // Everything the stream sent up to the honest event: exactly one record, the idle one.
        var lines = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var line = await reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException();
            lines.Add(line);
            if (line.StartsWith("data: ", StringComparison.Ordinal) && line.Contains("session.idle", StringComparison.Ordinal))
            {
                break;
            }
        }
        Assert.DoesNotContain(lines, l => l.Contains("999999999", StringComparison.Ordinal) || l.Contains("evil", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("id: ", StringComparison.Ordinal));
        Assert.Contains("event: session.idle", lines);
        var after = await DbSnapshot.TakeAsync(host);
        Assert.Equal(before.Counts["events"] + 1, after.Counts["events"]); // the idle event only
        var node = await host.GetDataAsync("/api/v1/nodes/node-inj");
        Assert.Equal(1, node.GetProperty("rejected_events").GetInt64());
        Assert.DoesNotContain("\n", node.GetProperty("last_rejection").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Streams_OverThePerTokenLimit_429()
    {
        await using var host = await SupervisorHost.StartAsync(c => c["server"]!["sse_streams_per_token"] = 2);
        using var first = await host.Api.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/events/stream"), HttpCompletionOption.ResponseHeadersRead);
        using var second = await host.Api.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/events/stream"), HttpCompletionOption.ResponseHeadersRead);

        using var third = await host.Api.GetAsync("/api/v1/events/stream");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        var error = JsonDocument.Parse(await third.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("too_many_streams", error.GetProperty("code").GetString());
        Assert.Contains("server.sse_streams_per_token", error.GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
