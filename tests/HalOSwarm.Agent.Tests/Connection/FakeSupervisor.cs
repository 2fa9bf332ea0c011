using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Protocol;
using HalOSwarm.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent.Tests.Connection;

/// <summary>A minimal WebSocket peer speaking the supervisor side of the protocol, driven by the test.</summary>
internal sealed class FakeSupervisor : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<PeerConnection> _connections = Channel.CreateUnbounded<PeerConnection>();

    private FakeSupervisor(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    public string? LastAuthorization { get; private set; }

    /// <summary>When set, an upgrade without <c>Bearer</c> and this token is answered 401, as the supervisor does.</summary>
    public string? RequiredToken { get; set; }

    private int _requests;

    /// <summary>HTTP requests received, on any path (each dial of the agent is one).</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The address without the agent endpoint's path, as the seed README writes it.</summary>
    public string BareUrl => Url[..^ProtocolInfo.AgentPath.Length];

    public static async Task<FakeSupervisor> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var supervisor = new FakeSupervisor(app) { Url = $"ws://127.0.0.1:{port}{ProtocolInfo.AgentPath}" };
        app.Use((context, next) =>
        {
            Interlocked.Increment(ref supervisor._requests);
            if (supervisor.RequiredToken is { } token && context.Request.Headers.Authorization != "Bearer " + token)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            }
            return next(context);
        });
        app.UseWebSockets();
        app.Map(ProtocolInfo.AgentPath, supervisor.HandleAsync);
        await app.StartAsync();
        return supervisor;
    }

    public async Task<PeerConnection> NextConnectionAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await _connections.Reader.ReadAsync(timeout.Token);
    }

    private async Task HandleAsync(HttpContext context)
    {
        LastAuthorization = context.Request.Headers.Authorization.ToString();
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var peer = new PeerConnection(socket);
        await _connections.Writer.WriteAsync(peer);
        await peer.ReadLoopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal sealed class PeerConnection(WebSocket socket)
    {
        private readonly Channel<Envelope> _inbound = Channel.CreateUnbounded<Envelope>();
        private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task ReadLoopAsync()
        {
            try
            {
                while (await FrameReader.ReadAsync(socket, CancellationToken.None) is { } frame)
                {
                    Assert.True(ProtocolCodec.TryDecode(frame, out var envelope, out var error), error);
                    await _inbound.Writer.WriteAsync(envelope);
                }
            }
            catch (WebSocketException)
            {
            }
            finally
            {
                _inbound.Writer.TryComplete();
                _closed.TrySetResult();
            }
        }

        /// <summary>The next frame of <paramref name="type"/>, skipping heartbeats.</summary>
        public async Task<Envelope> ReceiveAsync(string type)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            while (true)
            {
                var envelope = await _inbound.Reader.ReadAsync(timeout.Token);
                if (envelope.Type == type)
                {
                    return envelope;
                }
                Assert.Equal(MessageTypes.Heartbeat, envelope.Type);
            }
        }

        public async Task<List<long>> ReceiveSeqsAsync(int count)
        {
            var seqs = new List<long>();
            while (seqs.Count < count)
            {
                var batch = await ReceiveAsync(MessageTypes.Events);
                seqs.AddRange(batch.Payload.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()));
            }
            return seqs;
        }

        public Task SendAsync(string type, string payloadJson) =>
            socket.SendAsync(Encoding.UTF8.GetBytes($"{{\"v\":1,\"type\":\"{type}\",\"ts\":\"2026-11-25T12:00:00+00:00\",\"payload\":{payloadJson}}}"),
                WebSocketMessageType.Text, true, CancellationToken.None);

        public Task WelcomeAsync(long durableSeq, int heartbeatSec = 30, int maxBatch = 500) =>
            SendAsync(MessageTypes.Welcome,
                $"{{\"protocol_version\":1,\"durable_seq\":{durableSeq},\"heartbeat_interval_sec\":{heartbeatSec},\"heartbeat_timeout_count\":3,\"max_frame_bytes\":1048576,\"max_batch_events\":{maxBatch}}}");

        public async Task CloseAsync(int code = (int)WebSocketCloseStatus.NormalClosure, string reason = "bye")
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
            await _closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }

        public Task Closed => _closed.Task;
    }
}
