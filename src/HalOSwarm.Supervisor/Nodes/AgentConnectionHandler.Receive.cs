using System.Buffers;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Events;

namespace HalOSwarm.Supervisor.Nodes;

internal sealed partial class AgentConnectionHandler
{
    private async Task ReceiveLoopAsync(AgentConnection connection, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(8192);
        var eventsParser = new EventsFrameParser();
        while (!connection.IsClosing)
        {
            if (buffer.Capacity > 64 * 1024)
            {
                buffer = new ArrayBufferWriter<byte>(8192); // one big frame must not pin a large buffer per idle node
            }
            var kind = await FrameReader.ReadAsync(connection.Socket, buffer, _options.MaxFrameBytes, cancellationToken);
            connection.Touch();
            if (kind == FrameKind.Close)
            {
                connection.RequestClose((int)System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "connection closed by the agent");
                return;
            }
            if (connection.IsClosing)
            {
                return; // the supervisor already sent its close frame: nothing the agent sends after it counts
            }
            if (!await CheckFrameAsync(connection, kind, cancellationToken))
            {
                return;
            }
            if (eventsParser.TryParse(buffer.WrittenSpan, out var parsed))
            {
                if (!await AcceptEventsAsync(connection, parsed, buffer.WrittenCount, cancellationToken)) // the common case, in one pass
                {
                    return;
                }
                continue;
            }
            if (!ProtocolCodec.TryDecode(buffer.WrittenSpan, out var envelope, out var error))
            {
                await RefuseAsync(connection, CloseCodes.MalformedFrame, $"malformed frame: {error}", cancellationToken);
                return;
            }
            var ok = envelope.Type switch
            {
                MessageTypes.Events => await HandleEventsAsync(connection, envelope, buffer.WrittenCount, cancellationToken),
                MessageTypes.Heartbeat => await HandleHeartbeatAsync(connection, envelope, buffer.WrittenCount, cancellationToken),
                MessageTypes.CommandResult => await HandleCommandResultAsync(connection, envelope, cancellationToken),
                MessageTypes.CommandAccepted => await HandleCommandAcceptedAsync(connection, envelope, cancellationToken),
                MessageTypes.Hello or MessageTypes.Welcome or MessageTypes.Ack or MessageTypes.Replay or MessageTypes.Command =>
                    await RefuseAsync(connection, CloseCodes.MalformedFrame, $"malformed frame: '{envelope.Type}' is not expected from an agent here", cancellationToken),
                _ => await RefuseAsync(connection, CloseCodes.UnknownMessageType, $"unknown message type '{envelope.Type}'", cancellationToken),
            };
            if (!ok)
            {
                return;
            }
        }
    }

    private async Task<bool> HandleEventsAsync(AgentConnection connection, Envelope envelope, long frameBytes, CancellationToken cancellationToken)
    {
        if (!ProtocolCodec.TryPayload(envelope, ProtocolJsonContext.Default.EventBatch, out var batch, out var error) || batch.Events is null)
        {
            return await RefuseAsync(connection, CloseCodes.MalformedFrame, $"malformed frame: {(error.Length > 0 ? error : "events is required")}", cancellationToken);
        }
        var events = batch.Events;
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is null || events[i].Seq < 1 || string.IsNullOrEmpty(events[i].Type))
            {
                return await RefuseAsync(connection, CloseCodes.MalformedFrame, $"malformed frame: event {i} needs a seq >= 1 and a type", cancellationToken);
            }
        }
        var incoming = new List<IncomingEvent>(events.Count);
        foreach (var e in events)
        {
            incoming.Add(new IncomingEvent(e.Seq, e.Type, e.SessionId, e.Ts, CompactJson.From(e.Data)));
        }
        return await AcceptEventsAsync(connection, incoming, frameBytes, cancellationToken);
    }

    /// <summary>
    /// Queues the node's next contiguous seqs of a valid frame; duplicates are dropped, a gap asks for replay. A frame over
    /// the batch limit or with a seq past the highest is refused whole; an event that breaks a content rule is marked
    /// rejected (not stored, seq counted). False when the connection was refused.
    /// </summary>
    private async Task<bool> AcceptEventsAsync(AgentConnection connection, List<IncomingEvent> events, long frameBytes, CancellationToken cancellationToken)
    {
        if (events.Count > _options.MaxBatchEvents)
        {
            return await RefuseAsync(connection, CloseCodes.MalformedFrame,
                $"malformed frame: {events.Count} events in one frame; welcome.max_batch_events is {_options.MaxBatchEvents}", cancellationToken);
        }
        var nodeId = connection.NodeId!;
        var first = -1;
        var count = 0;
        for (var i = 0; i < events.Count; i++)
        {
            var seq = events[i].Seq;
            if (seq > ProtocolLimits.MaxSeq)
            {
                return await RefuseAsync(connection, CloseCodes.MalformedFrame, $"malformed frame: seq {seq} is past the highest seq 2^53-1", cancellationToken);
            }
        }
        for (var i = 0; i < events.Count; i++)
        {
            var seq = events[i].Seq;
            if (seq < connection.ExpectedSeq)
            {
                continue; // duplicate: already stored or queued
            }
            if (seq > connection.ExpectedSeq && count == 0 && seq == connection.ClaimedResumeFrom)
            {
                LogOutboxGap(logger, nodeId, connection.ExpectedSeq, seq - 1);
                connection.ExpectedSeq = seq;
                connection.ClaimedResumeFrom = 0;
            }
            if (seq > connection.ExpectedSeq)
            {
                if (!connection.AwaitingReplay)
                {
                    connection.AwaitingReplay = true;
                    LogGap(logger, nodeId, connection.ExpectedSeq, seq);
                    connection.Send(ProtocolCodec.Encode(MessageTypes.Replay, new Replay(connection.ExpectedSeq),
                        ProtocolJsonContext.Default.Replay, timeProvider.GetUtcNow()));
                }
                break;
            }
            if (count > 0 && first + count != i)
            {
                break; // not contiguous in the frame; the rest comes again after the next ack or replay
            }
            if (count == 0)
            {
                first = i;
            }
            if (AgentEventCheck.Problem(events[i]) is { } problem)
            {
                events[i] = events[i] with { Rejection = problem };
            }
            count++;
            connection.ExpectedSeq++;
            connection.AwaitingReplay = false;
        }
        if (count > 0)
        {
            IReadOnlyList<IncomingEvent> accepted = count == events.Count ? events : events.GetRange(first, count);
            connection.SawAgentSeq(accepted[^1].Seq);
            var op = new EventsWrite(nodeId, accepted) { ReadTimestamp = timeProvider.GetTimestamp() };
            await connection.Ingest!.AddAsync(op, frameBytes, cancellationToken);
        }
        return true;
    }

    private async Task<bool> HandleHeartbeatAsync(AgentConnection connection, Envelope envelope, long frameBytes, CancellationToken cancellationToken)
    {
        if (!ProtocolCodec.TryPayload(envelope, ProtocolJsonContext.Default.Heartbeat, out var heartbeat, out var error))
        {
            return await RefuseAsync(connection, CloseCodes.MalformedFrame, $"malformed frame: {error}", cancellationToken);
        }
        connection.SawAgentSeq(heartbeat.OutboxLastSeq ?? 0);
        await connection.Ingest!.AddAsync(new HeartbeatWrite(connection.NodeId!, heartbeat.Resources, timeProvider.GetUtcNow()), frameBytes, cancellationToken);
        return true;
    }

    private async Task<bool> HandleCommandResultAsync(AgentConnection connection, Envelope envelope, CancellationToken cancellationToken)
    {
        if (!ProtocolCodec.TryPayload(envelope, ProtocolJsonContext.Default.CommandResult, out var result, out var error)
            || !ProtocolLimits.IsCommandId(result.CommandId))
        {
            return await RefuseAsync(connection, CloseCodes.MalformedFrame, $"malformed frame: {(error.Length > 0 ? error : "command_id is required (at most 64 characters)")}", cancellationToken);
        }
        commands.Complete(connection.NodeId!, result);
        return true;
    }

    private async Task<bool> HandleCommandAcceptedAsync(AgentConnection connection, Envelope envelope, CancellationToken cancellationToken)
    {
        if (!ProtocolCodec.TryPayload(envelope, ProtocolJsonContext.Default.CommandAccepted, out var accepted, out var error)
            || !ProtocolLimits.IsCommandId(accepted.CommandId))
        {
            return await RefuseAsync(connection, CloseCodes.MalformedFrame, $"malformed frame: {(error.Length > 0 ? error : "command_id is required (at most 64 characters)")}", cancellationToken);
        }
        commands.Accepted(connection.NodeId!, accepted.CommandId);
        return true;
    }

    /// <summary>Returns false when the frame kind ended the connection.</summary>
    private async Task<bool> CheckFrameAsync(AgentConnection connection, FrameKind kind, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case FrameKind.Close:
                connection.RequestClose((int)System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "connection closed by the agent");
                return false;
            case FrameKind.TooBig:
                return await RefuseAsync(connection, CloseCodes.MessageTooBig,
                    $"frame over max_frame_bytes ({_options.MaxFrameBytes} bytes)", cancellationToken);
            case FrameKind.Binary:
                return await RefuseAsync(connection, CloseCodes.MalformedFrame, "malformed frame: binary frames are not supported", cancellationToken);
            default:
                return true;
        }
    }

    /// <summary>Closes with <paramref name="code"/> and reads (discarding) until the peer answers or the grace ends. Always false.</summary>
    private async Task<bool> RefuseAsync(AgentConnection connection, int code, string reason, CancellationToken cancellationToken)
    {
        LogRefused(logger, connection.NodeId, connection.Remote, code, reason);
        if (!connection.RequestClose(code, reason))
        {
            return false;
        }
        var scratch = new byte[4096];
        try
        {
            while (true)
            {
                var result = await connection.Socket.ReceiveAsync(scratch.AsMemory(), cancellationToken);
                if (result.MessageType == System.Net.WebSockets.WebSocketMessageType.Close)
                {
                    return false;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or System.Net.WebSockets.WebSocketException)
        {
            return false;
        }
    }
}
