using System.Net.WebSockets;
using System.Text;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Support;
using HalOSwarm.Testing.ClientApi;

namespace HalOSwarm.Supervisor.Tests.ClientApi;

/// <summary>The client socket's limits: a client that stops reading is cut and its slot freed; the message rate; the subscriptions.</summary>
public sealed class ClientSocketLimitTests
{
    private const int MaxEvents = 2_500; // 40 MiB of event data at most, far past the kernel's socket buffers

    [Fact]
    public async Task SlowClient_StopsReadingWhileEventsFlow_SocketClosedAndItsSlotFreed()
    {
        await using var host = await SupervisorHost.StartAsync(c =>
        {
            c["server"]!["sse_buffer_bytes"] = 64 * 1024;
            c["server"]!["sse_streams_per_token"] = 1;
        });
        await using var agent = await TestAgent.ConnectAsync(host, "node-slow", [AgentCommands.Session("ses_a")]);
        var viewer = await TokenIssuer.CreateAsync(host, "vera", "viewer");
        using var slow = new ClientWebSocket();
        slow.Options.SetRequestHeader("Authorization", "Bearer " + viewer);
        await slow.ConnectAsync(new Uri($"ws://127.0.0.1:{host.HttpPort}/api/v1/ws"), CancellationToken.None);
        await slow.SendAsync(Encoding.UTF8.GetBytes("""{"type":"subscribe","id":"all"}"""), WebSocketMessageType.Text, true, CancellationToken.None);
        // The token's one live stream is taken: a second socket is refused while the slow one is open.
        Assert.Equal(429, await ClientSocket.RefusedStatusAsync(host.HttpPort, viewer));

        var text = new string('x', 16 * 1024);
        long seq = 0;
        await SupervisorHost.WaitUntilAsync(async () =>
        {
            if (seq < MaxEvents)
            {
                var batch = Enumerable.Range(0, 50).Select(_ =>
                {
                    seq++;
                    return Ev.Make(seq, EventTypes.MessageDelta, "ses_a", $$"""{"message_id":"m{{seq}}","text":"{{text}}"}""");
                }).ToArray();
                await agent.SendEventsAsync(batch);
                await agent.WaitForAckAsync(seq);
            }
            return await CanConnectAsync(host.HttpPort, viewer);
        }, "the slow socket closed and its slot freed", 60_000);

        // What the slow client still finds: the events that fit its buffers, then a 4008 close frame or the cut connection.
        var status = await DrainAsync(slow);
        Assert.True(status is null or (WebSocketCloseStatus)4008, $"closed with {status}");
    }

    [Fact]
    public async Task SocketClosed_SameTokenAtItsLimit_ConnectsAgain()
    {
        await using var host = await SupervisorHost.StartAsync(c => c["server"]!["sse_streams_per_token"] = 1);
        var viewer = await TokenIssuer.CreateAsync(host, "vera", "viewer");

        for (var i = 0; i < 3; i++)
        {
            await using var client = await ClientSocket.ConnectAsync(host.HttpPort, viewer);
            Assert.Equal(429, await ClientSocket.RefusedStatusAsync(host.HttpPort, viewer));
            await client.Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
            // The slot is released once the supervisor ended the connection; the next round connects again.
            await SupervisorHost.WaitUntilAsync(async () => await CanConnectAsync(host.HttpPort, viewer), "the slot released");
        }
    }

    [Fact]
    public async Task Flood_PastTheBurst_ExtraMessagesRefusedRateLimited_SocketStaysOpen()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var client = await ClientSocket.ConnectAsync(host.HttpPort, SupervisorHost.Token);
        const int sent = 300; // the burst is 100 and 20 a second come back: refusals unless sending takes 10 s

        for (var i = 0; i < sent; i++)
        {
            await client.SendAsync("""{"type":"ping"}""");
        }
        var answers = new List<string?>();
        for (var i = 0; i < sent; i++)
        {
            var answer = (await client.ReceiveAsync())!.Value;
            answers.Add(answer.GetProperty("type").GetString() == "pong" ? "pong" : answer.GetProperty("code").GetString());
        }

        Assert.True(answers.Count(a => a == "pong") >= 100, string.Join(",", answers.Distinct()));
        Assert.Contains("rate_limited", answers);
        Assert.All(answers, a => Assert.True(a is "pong" or "rate_limited", a));
        Assert.Equal(WebSocketState.Open, client.Socket.State);
    }

    [Fact]
    public async Task Subscriptions_OneOverTheLimit_RefusedTooManySubscriptions()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var client = await ClientSocket.ConnectAsync(host.HttpPort, SupervisorHost.Token);
        var limit = client.Welcome.GetProperty("limits").GetProperty("max_subscriptions").GetInt32();

        for (var i = 1; i <= limit; i++)
        {
            await client.SendAsync($$"""{"type":"subscribe","id":"s{{i}}"}""");
            await client.ReceiveAsync("subscribed");
        }
        await client.SendAsync("""{"type":"subscribe","id":"one-more"}""");
        var refused = await client.ReceiveAsync("error");
        await client.SendAsync("""{"type":"unsubscribe","id":"s1"}""");
        await client.ReceiveAsync("unsubscribed");
        await client.SendAsync("""{"type":"subscribe","id":"one-more"}""");
        var accepted = await client.ReceiveAsync();

        Assert.Equal(16, limit);
        Assert.Equal(("too_many_subscriptions", "one-more"), (refused.GetProperty("code").GetString(), refused.GetProperty("id").GetString()));
        Assert.Equal(("subscribed", "one-more"), (accepted!.Value.GetProperty("type").GetString(), accepted.Value.GetProperty("id").GetString()));
    }

    private static async Task<bool> CanConnectAsync(int port, string token)
    {
        try
        {
            await using var client = await ClientSocket.ConnectAsync(port, token);
            return true;
        }
        catch (WebSocketException)
        {
            return false;
        }
    }

    /// <summary>Reads until the socket ends: the close status it got, or null when the connection was cut.</summary>
    private static async Task<WebSocketCloseStatus?> DrainAsync(ClientWebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, timeout.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return result.CloseStatus;
                }
            }
        }
        catch (WebSocketException)
        {
            return null;
        }
    }
}
