using System.Net.WebSockets;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Protocol;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Agent.Connection;

/// <summary>
/// Keeps a connection to the supervisor: dial, hello, welcome, run the session, and after any failure or close wait the
/// backoff and dial again, until the host stops. A refusal the same attempt would get again (<see cref="ConnectRefusal"/>:
/// HTTP 404 or 401 at the upgrade, close 4409, 4422, 4426) is logged once with its fix and retried slowly
/// (<see cref="RefusalBackoff"/>): sessions keep running and their events keep going to the outbox meanwhile.
/// </summary>
internal sealed partial class SupervisorConnection : BackgroundService
{
    private static readonly TimeSpan s_handshakeTimeout = TimeSpan.FromSeconds(10);

    private readonly IOptions<AgentOptions> _options;
    private readonly HelloFactory _hello;
    private readonly Outbox _outbox;
    private readonly CommandRunner _commands;
    private readonly ResourceSampler _resources;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SupervisorConnection> _logger;
    private readonly Backoff _backoff;
    private long _reconnects;

    public SupervisorConnection(IOptions<AgentOptions> options, HelloFactory hello, Outbox outbox, CommandRunner commands,
        ResourceSampler resources, TimeProvider timeProvider, ILogger<SupervisorConnection> logger, Backoff? backoff = null,
        RefusalBackoff? refusalBackoff = null)
    {
        _options = options;
        _hello = hello;
        _outbox = outbox;
        _commands = commands;
        _resources = resources;
        _timeProvider = timeProvider;
        _logger = logger;
        _backoff = backoff ?? new Backoff();
        _refusalBackoff = refusalBackoff ?? new RefusalBackoff();
    }

    /// <summary>Times the agent dialled the supervisor again after a connection failed or ended.</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>Raised with each welcome (tests and diagnostics).</summary>
    public event Action<Welcome>? Welcomed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var urls = _options.Value.Supervisors.Select(AgentEndpointUrl.Resolve).ToArray();
        var next = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            // With several supervisors, each attempt after a failed or ended connection dials the next one.
            var url = urls[next];
            next = (next + 1) % urls.Length;
            TimeSpan delay;
            try
            {
                await ConnectOnceAsync(url, stoppingToken);
                delay = NextDelay();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ConnectRefusal.Of(ex) is { } refusal)
            {
                delay = OnRefused(url, refusal);
            }
            catch (Exception ex)
            {
                Log.ConnectionFailed(_logger, url.ToString(), ex.Message);
                delay = NextDelay();
            }
            Interlocked.Increment(ref _reconnects);
            try
            {
                await Task.Delay(delay, _timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private TimeSpan NextDelay()
    {
        var delay = _backoff.Next();
        Log.Reconnecting(_logger, delay.TotalMilliseconds);
        return delay;
    }

    /// <summary>Ends the connection (which waits for its answers), then the commands still running.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await _commands.StopAsync(cancellationToken);
    }

    private async Task ConnectOnceAsync(Uri url, CancellationToken stoppingToken)
    {
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", "Bearer " + _options.Value.AuthToken);
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(15);
        var trust = SupervisorTls.Apply(socket.Options, _options.Value.SupervisorTls);
        Welcome welcome;
        using (var timeout = new CancellationTokenSource(s_handshakeTimeout, _timeProvider))
        using (var handshake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token))
        {
            try
            {
                await DialAsync(socket, url, handshake.Token);
            }
            catch (WebSocketException ex) when (SupervisorTls.Explain(ex, trust) is { } problem)
            {
                throw new HandshakeException(problem);
            }
            var hello = await _hello.CreateAsync(handshake.Token);
            await socket.SendAsync(ProtocolCodec.Encode(MessageTypes.Hello, hello, ProtocolJsonContext.Default.Hello, _timeProvider.GetUtcNow()),
                WebSocketMessageType.Text, endOfMessage: true, handshake.Token);
            welcome = await ReadWelcomeAsync(socket, handshake.Token);
            Log.Welcomed(_logger, hello.NodeId, welcome.DurableSeq, hello.OutboxFirstSeq, hello.OutboxLastSeq);
        }
        _backoff.Reset();
        OnAccepted(url);
        Welcomed?.Invoke(welcome);
        using var session = new ConnectionSession(socket, welcome, _outbox, _commands, _resources, _timeProvider, _logger,
            _options.Value.MaxInFlightEvents);
        try
        {
            await session.RunAsync(stoppingToken);
        }
        finally
        {
            if (stoppingToken.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                using var close = new CancellationTokenSource(TimeSpan.FromSeconds(2), _timeProvider);
                try
                {
                    await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "agent stopping", close.Token);
                }
                catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
                {
                    // Stopping anyway.
                }
            }
        }
    }

    private static async Task<Welcome> ReadWelcomeAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var frame = await FrameReader.ReadAsync(socket, cancellationToken)
            ?? throw new HandshakeException($"supervisor closed the connection during the handshake: {(int?)socket.CloseStatus} {socket.CloseStatusDescription}",
                (int?)socket.CloseStatus);
        if (!ProtocolCodec.TryDecode(frame, out var envelope, out var error))
        {
            throw new HandshakeException(error);
        }
        if (envelope.Type != MessageTypes.Welcome
            || !ProtocolCodec.TryPayload(envelope, ProtocolJsonContext.Default.Welcome, out var welcome, out error))
        {
            throw new HandshakeException($"expected welcome, got '{envelope.Type}'");
        }
        if (welcome.DurableSeq < 0 || welcome.DurableSeq > ProtocolLimits.MaxSeq)
        {
            throw new HandshakeException($"welcome.durable_seq {welcome.DurableSeq} is outside 0..2^53-1; not adopting it");
        }
        return welcome;
    }
}
