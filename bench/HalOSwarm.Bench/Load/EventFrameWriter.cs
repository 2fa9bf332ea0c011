using System.Buffers;
using System.Text.Json;
using HalOSwarm.Protocol;

namespace HalOSwarm.Bench.Load;

/// <summary>
/// Writes an <c>events</c> frame straight from seqs with one <see cref="Utf8JsonWriter"/>: no records, no
/// JsonElement per event, so the generator stays cheap next to the supervisor it measures.
/// </summary>
internal sealed class EventFrameWriter : IDisposable
{
    private const string Text =
        "Let me look at the failing test first. The assertion compares the parsed config with the defaults, " +
        "so the new key must be optional; I will add it to the options class and the validator, then rerun it. " +
        "The build passes now. Next I will check the migration runner, because the events table gained an index. ";

    private static readonly JsonWriterOptions s_options = new() { SkipValidation = true };

    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private readonly Utf8JsonWriter _writer;
    private readonly AgentIdentity _agent;
    private readonly EventMixKind _mix;

    public EventFrameWriter(AgentIdentity agent, EventMixKind mix = EventMixKind.Turns)
    {
        _agent = agent;
        _mix = mix;
        _writer = new Utf8JsonWriter(_buffer, s_options);
    }

    /// <summary>Encodes events <paramref name="fromSeq"/> .. <c>fromSeq+count-1</c>; valid until the next call.</summary>
    public ReadOnlyMemory<byte> Write(long fromSeq, int count, Outbox outbox)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        var w = _writer;
        w.WriteStartObject();
        w.WriteNumber("v"u8, ProtocolInfo.Current);
        w.WriteString("type"u8, MessageTypes.Events);
        w.WriteString("ts"u8, DateTimeOffset.UtcNow);
        w.WriteStartObject("payload"u8);
        w.WriteStartArray("events"u8);
        var sessions = _agent.SessionIds.Length;
        for (var seq = fromSeq; seq < fromSeq + count; seq++)
        {
            var (type, session, turn, step) = EventMix.At(seq, sessions, _mix);
            w.WriteStartObject();
            w.WriteNumber("seq"u8, seq);
            w.WriteString("type"u8, type);
            w.WriteString("session_id"u8, _agent.SessionIds[session]);
            w.WriteString("ts"u8, new DateTimeOffset(outbox.CreatedTicks(seq), TimeSpan.Zero));
            w.WriteStartObject("data"u8);
            WriteData(w, _mix == EventMixKind.UsageShaped && type == EventTypes.ToolFinished ? EventTypes.Usage : type, seq, session, turn, step);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
        w.Flush();
        return _buffer.WrittenMemory;
    }

    /// <summary>Writes the <c>data</c> object of the event at <paramref name="seq"/> (for rows written without a frame).</summary>
    public static string WriteData(Utf8JsonWriter w, long seq, int sessions)
    {
        var (type, session, turn, step) = EventMix.At(seq, sessions);
        w.WriteStartObject();
        WriteData(w, type, seq, session, turn, step);
        w.WriteEndObject();
        return type;
    }

    private static void WriteData(Utf8JsonWriter w, string type, long seq, int session, long turn, int step)
    {
        switch (type)
        {
            case EventTypes.MessageDelta:
                WriteMessageId(w, session, turn);
                w.WriteString("part_id"u8, "prt_1");
                var length = EventMix.DeltaLength(seq);
                w.WriteString("text"u8, Text.AsSpan((int)(seq % (Text.Length - 200)), length));
                break;
            case EventTypes.ToolStarted:
                w.WriteString("call_id"u8, "call_" + turn);
                w.WriteString("tool"u8, "bash");
                WriteMessageId(w, session, turn);
                w.WriteStartObject("input"u8);
                w.WriteString("command"u8, "dotnet test --filter Config");
                w.WriteEndObject();
                break;
            case EventTypes.ToolFinished:
                w.WriteString("call_id"u8, "call_" + turn);
                w.WriteString("tool"u8, "bash");
                WriteMessageId(w, session, turn);
                w.WriteString("status"u8, "completed");
                w.WriteString("title"u8, "dotnet test");
                w.WriteString("output"u8, Text.AsSpan(0, 160));
                break;
            case EventTypes.Usage:
                WriteMessageId(w, session, turn);
                w.WriteString("provider"u8, "bench");
                w.WriteString("model"u8, "bench-model");
                w.WriteStartObject("tokens"u8);
                w.WriteNumber("input"u8, 1200);
                w.WriteNumber("output"u8, 340);
                w.WriteNumber("reasoning"u8, 0);
                w.WriteNumber("cache_read"u8, 800);
                w.WriteNumber("cache_write"u8, 0);
                w.WriteEndObject();
                w.WriteNumber("cost_usd"u8, 0.0123m);
                w.WriteNumber("context_tokens"u8, 5000 + step);
                break;
            case EventTypes.SessionCreated:
                w.WriteString("project"u8, AgentIdentity.Project);
                w.WriteString("runtime"u8, RuntimeNames.OpenCode);
                w.WriteString("directory"u8, "/srv/bench");
                w.WriteString("title"u8, "bench session");
                w.WriteString("model"u8, "bench-model");
                break;
            default:
                break;
        }
    }

    public void Dispose() => _writer.Dispose();

    private static void WriteMessageId(Utf8JsonWriter w, int session, long turn)
    {
        Span<char> id = stackalloc char[48];
        "msg_".CopyTo(id);
        session.TryFormat(id[4..], out var a, provider: System.Globalization.CultureInfo.InvariantCulture);
        id[4 + a] = '_';
        turn.TryFormat(id[(5 + a)..], out var b, provider: System.Globalization.CultureInfo.InvariantCulture);
        w.WriteString("message_id"u8, id[..(5 + a + b)]);
    }
}
