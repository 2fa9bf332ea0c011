using System.Buffers;
using System.Net.WebSockets;
using System.Threading.Channels;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Commands;
using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Events;
using HalOSwarm.Supervisor.Observability;
using HalOSwarm.Supervisor.Storage.Writing;
using HalOSwarm.Supervisor.Tokens;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Nodes;

/// <summary>
/// Speaks the agent protocol on one accepted socket: handshake, events with seq checks, heartbeats, command results,
/// and refusals with the documented close codes. Nothing of a refused frame is stored.
/// </summary>
internal sealed partial class AgentConnectionHandler(
    AgentRegistry registry,
    IStorageWriter writer,
    ICommandResultSink commands,
    TokenStore tokens,
    IOptions<ServerOptions> options,
    IHostApplicationLifetime lifetime,
    SupervisorMetrics metrics,
    TimeProvider timeProvider,
    ILogger<AgentConnectionHandler> logger)
{
    private readonly ServerOptions _options = options.Value;

    /// <summary>What one connection's read frames may hold while the writer's bulk lane is full: four of the largest frames.</summary>
    private long IngestStageBytes => 4L * _options.MaxFrameBytes;

    public async Task RunAsync(WebSocket socket, string remote, AgentCaller caller, CancellationToken requestAborted)
    {
        using var connection = new AgentConnection(socket, remote, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, connection.Closing);
        using var stopping = lifetime.ApplicationStopping.Register(() => connection.RequestClose(CloseCodes.GoingAway, "supervisor shutting down"));
        // A revoked token ends its connection at once, whatever it is doing (a token revoked before this line: at once too).
        using var revoked = tokens.RevocationOf(caller.TokenId).Register(() => connection.RequestClose(CloseCodes.TokenRevoked, "token revoked"));
        var sendLoop = connection.SendLoopAsync(linked.Token);
        var registered = false;
        metrics.ConnectionOpened();
        try
        {
            registered = await HandshakeAsync(connection, caller, linked.Token);
            if (registered)
            {
                connection.Ingest = new IngestStage(writer, IngestStageBytes);
                await ReceiveLoopAsync(connection, linked.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ChannelClosedException)
        {
            // The peer vanished, the close grace ran out, or the supervisor is stopping.
        }
        finally
        {
            connection.RequestClose((int)WebSocketCloseStatus.NormalClosure, "closing");
            await sendLoop;
            if (connection.Ingest is { } ingest)
            {
                await ingest.DrainAsync(); // the node's offline op goes behind the frames it sent before it left
            }
            if (registered)
            {
                await UnregisterAsync(connection);
            }
            metrics.ConnectionClosed();
        }
    }

    private async Task UnregisterAsync(AgentConnection connection)
    {
        var nodeId = connection.NodeId!;
        registry.Unregister(nodeId, connection);
        commands.NodeDisconnected(nodeId);
        var reason = connection.CloseReason ?? "connection lost";
        LogDisconnected(logger, nodeId, connection.CloseCode ?? 0, reason);
        if (connection.CloseCode == CloseCodes.GoingAway)
        {
            return; // The supervisor is stopping, not the node: leave its sessions as they are.
        }
        try
        {
            var op = new NodeOfflineWrite(nodeId, connection.Hello?.Hostname, reason, timeProvider.GetUtcNow(), () => registry.IsConnected(nodeId));
            await writer.EnqueueAsync(op, CancellationToken.None);
        }
        catch (ChannelClosedException)
        {
            // The writer already stopped (shutdown); the next start marks every node offline anyway.
        }
    }

    private async Task<bool> HandshakeAsync(AgentConnection connection, AgentCaller caller, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(8192);
        // Cancelling a pending receive aborts the socket, so the hello deadline races the read instead of cancelling
        // it: the close frame can then still go out and the read ends with the peer's answer.
        var read = FrameReader.ReadAsync(connection.Socket, buffer, _options.MaxFrameBytes, cancellationToken).AsTask();
        using (var deadline = new CancellationTokenSource())
        {
            var timeout = Task.Delay(TimeSpan.FromSeconds(_options.HelloTimeoutSec), timeProvider, deadline.Token);
            if (await Task.WhenAny(read, timeout) != read)
            {
                var reason = $"no hello within {_options.HelloTimeoutSec} s";
                LogRefused(logger, null, connection.Remote, CloseCodes.HandshakeFailed, reason);
                connection.RequestClose(CloseCodes.HandshakeFailed, reason);
                try
                {
                    await read;
                }
                catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
                {
                }
                return false;
            }
            await deadline.CancelAsync();
        }
        var kind = await read;
        if (!await CheckFrameAsync(connection, kind, cancellationToken))
        {
            return false;
        }
        if (!ProtocolCodec.TryDecode(buffer.WrittenSpan, out var envelope, out var error))
        {
            await RefuseAsync(connection, CloseCodes.MalformedFrame, $"malformed frame: {error}", cancellationToken);
            return false;
        }
        if (!IsKnownType(envelope.Type))
        {
            await RefuseAsync(connection, CloseCodes.UnknownMessageType, $"unknown message type '{envelope.Type}'", cancellationToken);
            return false;
        }
        if (envelope.Type != MessageTypes.Hello)
        {
            await RefuseAsync(connection, CloseCodes.HandshakeFailed, $"the first frame must be 'hello', not '{envelope.Type}'", cancellationToken);
            return false;
        }
        if (!ProtocolCodec.TryPayload(envelope, ProtocolJsonContext.Default.Hello, out var hello, out error)
            || string.IsNullOrWhiteSpace(hello.NodeId))
        {
            await RefuseAsync(connection, CloseCodes.HandshakeFailed, $"invalid hello: {(error.Length > 0 ? error : "node_id is required")}", cancellationToken);
            return false;
        }
        if (HelloCheck.Problem(hello, _options.MaxHelloSessions) is { } problem)
        {
            await RefuseAsync(connection, CloseCodes.HelloRefused, $"hello refused: {problem}", cancellationToken);
            return false;
        }
        if (hello.ProtocolVersions is null || !hello.ProtocolVersions.Any(ProtocolInfo.IsSupported))
        {
            await RefuseAsync(connection, CloseCodes.UnsupportedVersion,
                $"no protocol version in common: supervisor speaks {ProtocolInfo.Minimum}..{ProtocolInfo.Current}", cancellationToken);
            return false;
        }
        if (caller.BoundNodeId is { } bound && !string.Equals(bound, hello.NodeId, StringComparison.Ordinal))
        {
            tokens.CountRefusedHello(caller.TokenId);
            LogWrongNode(logger, caller.TokenId, bound, hello.NodeId, connection.Remote);
            await RefuseAsync(connection, CloseCodes.NodeNotAllowed, $"this token is enrolled for node {bound}, not {hello.NodeId}", cancellationToken);
            return false;
        }
        if (connection.IsClosing)
        {
            return false; // revoked while the hello was read
        }
        if (!registry.TryRegister(hello.NodeId, connection))
        {
            LogDuplicateNode(logger, hello.NodeId, connection.Remote);
            await RefuseAsync(connection, CloseCodes.DuplicateNode, $"node id {hello.NodeId} is already connected", cancellationToken);
            return false;
        }
        connection.Hello = hello;
        try
        {
            var online = new NodeOnlineWrite(hello, timeProvider.GetUtcNow());
            var durable = await writer.WriteAsync(online, cancellationToken);
            connection.ExpectedSeq = durable + 1;
            connection.Welcomed(durable);
            connection.SawAgentSeq(hello.OutboxLastSeq);
            // The outbox may start past durable+1 (its events were acked by a supervisor whose database was restored
            // from an older copy): those events are gone. The claim alone moves nothing; the connection accepts the
            // jump once, when the claimed first event itself arrives, and the durable seq moves with that stored event.
            var resumeFrom = hello.OutboxFirstSeq <= hello.OutboxLastSeq ? hello.OutboxFirstSeq : hello.OutboxLastSeq + 1;
            connection.ClaimedResumeFrom = resumeFrom > durable + 1 ? resumeFrom : 0;
            var welcome = new Welcome(ProtocolInfo.Current, durable, _options.HeartbeatIntervalSec, _options.HeartbeatTimeoutCount,
                _options.MaxFrameBytes, _options.MaxBatchEvents);
            connection.SendWelcome(ProtocolCodec.Encode(MessageTypes.Welcome, welcome, ProtocolJsonContext.Default.Welcome, timeProvider.GetUtcNow()));
            LogConnected(logger, hello.NodeId, hello.Hostname, connection.Remote, durable);
            commands.NodeConnected(hello.NodeId);
            return true;
        }
        catch
        {
            registry.Unregister(hello.NodeId, connection);
            throw;
        }
    }

    private static bool IsKnownType(string type) => type is MessageTypes.Hello or MessageTypes.Welcome or MessageTypes.Events
        or MessageTypes.Ack or MessageTypes.Replay or MessageTypes.Heartbeat or MessageTypes.Command or MessageTypes.CommandResult or MessageTypes.CommandAccepted;
}
