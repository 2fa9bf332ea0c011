using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing.Agents;

namespace HalOSwarm.Integration.Tests;

/// <summary>
/// A live-stream reader that never reads cannot hold the built supervisor's memory: its events wait up to
/// <c>server.sse_buffer_bytes</c>, then it is dropped and its connection cut.
/// </summary>
public sealed class StreamMemoryTests
{
    private const int EventBytes = 800 * 1024;
    private const int EventCount = 400; // 320 MB of events in all
    private const long BufferBytes = 4 * 1024 * 1024;

    [Fact]
    public async Task StreamReaderThatNeverReads_LargeEventsFlow_MemoryStaysBoundedAndReaderIsDropped()
    {
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions
        {
            WithAgent = false,
            ServerSettings = new Dictionary<string, long> { ["max_frame_bytes"] = 2 * 1024 * 1024, ["sse_buffer_bytes"] = BufferBytes },
        });
        await using var agent = new RawAgentClient("node-flood");
        await agent.ConnectAsync(cluster.AgentPort, HalCluster.Token);
        await agent.HandshakeAsync();
        var text = new string('x', EventBytes);
        // Warm up: the writer, SQLite's cache and the GC settle before the baseline is read.
        for (long seq = 1; seq <= 20; seq++)
        {
            await agent.SendRawAsync(Frame(seq, text));
        }
        await agent.WaitForAckAsync(20, TimeSpan.FromSeconds(60));
        var baseline = RssBytes(cluster.Supervisor!.Pid);

        // A subscriber with a tiny receive window that reads the response head and then nothing.
        using var idle = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
        await idle.ConnectAsync(IPAddress.Loopback, cluster.HttpPort);
        await idle.SendAsync(Encoding.ASCII.GetBytes(
            $"GET /api/v1/events/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {HalCluster.Token}\r\n\r\n"));
        var head = new byte[512];
        var got = await idle.ReceiveAsync(head);
        Assert.StartsWith("HTTP/1.1 200", Encoding.ASCII.GetString(head, 0, got), StringComparison.Ordinal);

        var peak = baseline;
        for (long seq = 21; seq <= 20 + EventCount; seq++) // acks checked every 20 events, the last one included
        {
            await agent.SendRawAsync(Frame(seq, text));
            if (seq % 20 == 0)
            {
                await agent.WaitForAckAsync(seq, TimeSpan.FromSeconds(60));
                peak = Math.Max(peak, RssBytes(cluster.Supervisor.Pid));
            }
        }

        // Held events would be 320 MB; the budget is 4 MB. The rest of the margin is the writer's and SQLite's working set
        // and the garbage of 800 KB frames the GC has not collected yet (80–120 MB, whatever the number of events).
        var growth = peak - baseline;
        Assert.True(growth < 192L * 1024 * 1024,
            $"RSS grew by {growth / 1024 / 1024} MB (baseline {baseline / 1024 / 1024} MB, peak {peak / 1024 / 1024} MB) while {EventCount} events of {EventBytes / 1024} KB flowed");
        // Dropped: the supervisor cut the connection; what the kernel still buffered drains, then the stream ends.
        Assert.True(await EndsAsync(idle, TimeSpan.FromSeconds(20)), "the idle stream was not dropped");
        var health = await cluster.Api.GetAsync("readyz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private static async Task<bool> EndsAsync(Socket socket, TimeSpan timeout)
    {
        var buffer = new byte[1 << 20];
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token) > 0)
            {
            }
            return true;
        }
        catch (SocketException)
        {
            return true; // reset by the supervisor
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static string Frame(long seq, string text) =>
        "{\"v\":1,\"type\":\"events\",\"ts\":\"2026-11-25T12:00:00Z\",\"payload\":{\"events\":[{\"seq\":" + seq.ToString(CultureInfo.InvariantCulture)
        + ",\"type\":\"message.delta\",\"session_id\":\"ses_flood\",\"ts\":\"2026-11-25T12:00:00Z\",\"data\":{\"message_id\":\"m\",\"text\":\"" + text + "\"}}]}}";

    private static long RssBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }
        throw new InvalidOperationException("no VmRSS");
    }
}
