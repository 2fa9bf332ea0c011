using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using HalOSwarm.Supervisor.Tests.Support;
using HalOSwarm.Testing;
using HalOSwarm.Testing.Tls;

namespace HalOSwarm.Supervisor.Tests.Hosting;

/// <summary>
/// Slow and idle clients are cut by Kestrel's limits (<c>server.request_headers_timeout_sec</c>,
/// <c>server.keep_alive_timeout_sec</c>) on both ports, while everyone else is served.
/// </summary>
public sealed class SlowClientTests
{
    private static readonly TimeSpan s_cutWithin = TimeSpan.FromSeconds(15);

    private static void ShortTimeouts(JsonObject config)
    {
        config["server"]!["request_headers_timeout_sec"] = 1;
        config["server"]!["keep_alive_timeout_sec"] = 2;
    }

    [Fact]
    public async Task HeadersDribbled_Slowloris_ConnectionCutWhileTheApiServes()
    {
        await using var host = await SupervisorHost.StartAsync(ShortTimeouts);
        foreach (var port in new[] { host.HttpPort, host.Port })
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
            var closed = ReadUntilClosedAsync(stream);
            using var deadline = new CancellationTokenSource(s_cutWithin);
            var dribbled = 0;
            while (!closed.IsCompleted)
            {
                Assert.False(deadline.IsCancellationRequested, $"port {port}: a client dribbling headers was still connected after {s_cutWithin} ({dribbled} lines)");
                try
                {
                    await stream.WriteAsync(Encoding.ASCII.GetBytes($"X-Dribble-{dribbled++}: x\r\n"));
                }
                catch (IOException)
                {
                    break;
                }
                Assert.Equal(HttpStatusCode.OK, (await host.Api.GetAsync("/healthz")).StatusCode);
                await Task.WhenAny(closed, Task.Delay(250));
            }
            await closed.WaitAsync(s_cutWithin);
        }
    }

    [Fact]
    public async Task ConnectionThatSaysNothing_Idle_ClosedOnBothPortsWhileTheApiServes()
    {
        await using var host = await SupervisorHost.StartAsync(ShortTimeouts);
        using var api = new TcpClient();
        using var agent = new TcpClient();
        await api.ConnectAsync(IPAddress.Loopback, host.HttpPort);
        await agent.ConnectAsync(IPAddress.Loopback, host.Port);

        var apiClosed = ReadUntilClosedAsync(api.GetStream());
        var agentClosed = ReadUntilClosedAsync(agent.GetStream());
        Assert.Equal(HttpStatusCode.OK, (await host.Api.GetAsync("/api/v1/nodes")).StatusCode);

        await Task.WhenAll(apiClosed, agentClosed).WaitAsync(s_cutWithin);
        Assert.Equal(HttpStatusCode.OK, (await host.Api.GetAsync("/api/v1/nodes")).StatusCode);
    }

    [Fact]
    public async Task ConnectionThatNeverStartsTls_Idle_ClosedAfterTheHandshakeTimeoutWhileHttpsServes()
    {
        using var certs = new TempDirectory("hal-tls");
        var certificate = TestCertificate.Create(certs.Path);
        await using var host = await SupervisorHost.StartAsync(config =>
        {
            ShortTimeouts(config);
            config["server"]!["tls"] = new JsonObject
            {
                ["cert_file"] = certificate.CertFile,
                ["key_file"] = certificate.KeyFile,
                ["handshake_timeout_sec"] = 1,
            };
        });
        using var silent = new TcpClient();
        await silent.ConnectAsync(IPAddress.Loopback, host.Port);

        var closed = ReadUntilClosedAsync(silent.GetStream());
        using var api = TlsProbe.PinnedClient(certificate, new Uri($"https://127.0.0.1:{host.HttpPort}/"));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("healthz")).StatusCode);

        await closed.WaitAsync(s_cutWithin);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("healthz")).StatusCode);
    }

    /// <summary>Completes when the server closes (or resets) the connection.</summary>
    private static async Task ReadUntilClosedAsync(NetworkStream stream)
    {
        var buffer = new byte[4096];
        try
        {
            while (await stream.ReadAsync(buffer) > 0)
            {
            }
        }
        catch (IOException)
        {
            // Reset by the server: closed too.
        }
    }
}
