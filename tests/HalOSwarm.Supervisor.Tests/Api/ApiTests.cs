using System.Net.Http.Headers;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Api;

public sealed class ApiTests
{
    [Fact]
    public async Task Api_NoToken_401Envelope()
    {
        await using var host = await SupervisorHost.StartAsync();
        using var client = new HttpClient { BaseAddress = host.Api.BaseAddress };

        using var response = await client.GetAsync("/api/v1/nodes");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Contains("\"code\":\"unauthorized\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain(SupervisorHost.Token, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_NoToken_Ok()
    {
        await using var host = await SupervisorHost.StartAsync();
        using var client = new HttpClient { BaseAddress = host.Api.BaseAddress };

        Assert.Equal("{\"data\":{\"status\":\"ok\"},\"meta\":{}}", await client.GetStringAsync("/healthz"));
        Assert.Contains("\"database\":\"ok\"", await client.GetStringAsync("/readyz"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_UnknownRouteAndBadParams_ErrorEnvelopes()
    {
        await using var host = await SupervisorHost.StartAsync();

        var (status, body) = await host.GetAsync("/api/v1/nope");
        Assert.Equal(404, status);
        Assert.Equal("not_found", body.GetProperty("code").GetString());

        (status, body) = await host.GetAsync("/api/v1/events?since=yesterday&limit=5000&order=up");
        Assert.Equal(400, status);
        Assert.Equal("invalid_request", body.GetProperty("code").GetString());
        var fields = body.GetProperty("details").GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Equal(["limit", "order", "since"], fields.Order());

        (status, body) = await host.GetAsync("/api/v1/sessions?status=sleeping");
        Assert.Equal(400, status);

        (status, _) = await host.GetAsync("/api/v1/sessions/nope");
        Assert.Equal(404, status);
    }

    [Fact]
    public async Task Ports_ApiOnAgentPortAndAgentPathOnApiPort_NotFound()
    {
        await using var host = await SupervisorHost.StartAsync();
        using var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SupervisorHost.Token);

        using var onAgentPort = await client.GetAsync($"http://127.0.0.1:{host.Port}/api/v1/nodes");
        using var onApiPort = await client.GetAsync($"http://127.0.0.1:{host.HttpPort}/ws/agent");

        Assert.Equal(404, (int)onAgentPort.StatusCode);
        Assert.Equal(404, (int)onApiPort.StatusCode);
    }

    [Fact]
    public async Task Events_FiltersAndPaging_AllPagesInOrder()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-f");
        var events = Enumerable.Range(1, 25).Select(i => Ev.Make(i,
            i % 5 == 0 ? EventTypes.Usage : i % 2 == 0 ? EventTypes.SessionIdle : EventTypes.MessageDelta,
            i <= 12 ? "ses_1" : "ses_2")).ToArray();
        await agent.SendEventsAsync(events);
        await agent.WaitForAckAsync(25);

        var seqs = new List<long>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var (status, body) = await host.GetAsync($"/api/v1/events?type=session.*,usage&session_id=ses_1&limit=3{(cursor is null ? "" : "&cursor=" + cursor)}");
            Assert.Equal(200, status);
            seqs.AddRange(body.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()));
            cursor = body.GetProperty("meta").TryGetProperty("next_cursor", out var next) ? next.GetString() : null;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal([2L, 4, 5, 6, 8, 10, 12], seqs);
        Assert.Equal(3, pages);
        var desc = await host.GetDataAsync("/api/v1/events?node_id=node-f&type=message.delta,session.*,usage&order=desc&limit=2");
        Assert.Equal(25, desc[0].GetProperty("seq").GetInt64());
        var since = Ev.T0.AddSeconds(24).ToString("O");
        var ranged = await host.GetDataAsync($"/api/v1/events?node_id=node-f&type=message.delta,session.*,usage&since={Uri.EscapeDataString(since)}&until={Uri.EscapeDataString(Ev.T0.AddSeconds(26).ToString("O"))}");
        Assert.Equal([24L, 25], ranged.EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()));
    }

    [Fact]
    public async Task Sessions_FilterAndPaging_NewestFirst()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-l");
        await agent.SendEventsAsync(Enumerable.Range(1, 5).Select(i =>
            Ev.Make(i, EventTypes.SessionCreated, $"ses_{i}", $$"""{"project":"{{(i % 2 == 0 ? "even" : "odd")}}","runtime":"opencode"}""")).ToArray());
        await agent.WaitForAckAsync(5);

        var (_, first) = await host.GetAsync("/api/v1/sessions?project=odd&limit=2");
        var page1 = first.GetProperty("data").EnumerateArray().Select(s => s.GetProperty("session_id").GetString()).ToList();
        var cursor = first.GetProperty("meta").GetProperty("next_cursor").GetString();
        var page2 = (await host.GetDataAsync($"/api/v1/sessions?project=odd&limit=2&cursor={cursor}"))
            .EnumerateArray().Select(s => s.GetProperty("session_id").GetString()).ToList();

        Assert.Equal(["ses_5", "ses_3"], page1);
        Assert.Equal(["ses_1"], page2);
        Assert.Equal(5, (await host.GetDataAsync("/api/v1/nodes/node-l")).GetProperty("session_count").GetInt64());
    }
}
