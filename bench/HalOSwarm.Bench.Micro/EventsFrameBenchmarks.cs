using BenchmarkDotNet.Attributes;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Events;
using HalOSwarm.Supervisor.Events;

namespace HalOSwarm.Bench.Micro;

/// <summary>
/// The supervisor's read of one <c>events</c> frame of 100 <c>message.delta</c> events, per event: the one-pass
/// reader it uses now (<see cref="EventsFrameParser"/>: UTF-8 data slices of one array) against the general path it
/// used before (envelope, then the payload deserialized again from a <c>JsonElement</c>, then each event's data
/// copied to a string).
/// </summary>
[MemoryDiagnoser]
public class EventsFrameBenchmarks
{
    private const int Events = 100;
    private const string Text =
        "Let me look at the failing test first. The assertion compares the parsed config with the defaults, " +
        "so the new key must be optional; I will add it to the options class and the validator, then rerun it. ";

    private readonly EventsFrameParser _parser = new();
    private byte[] _frame = [];

    [GlobalSetup]
    public void Setup()
    {
        var now = DateTimeOffset.UtcNow;
        var events = new List<AgentEvent>(Events);
        for (var seq = 1; seq <= Events; seq++)
        {
            var data = ProtocolCodec.ToElement(new MessageDeltaData("msg_0_1", "prt_1", Text[..(20 + (seq * 37 % 181))]),
                ProtocolJsonContext.Default.MessageDeltaData);
            events.Add(new AgentEvent(seq, EventTypes.MessageDelta, "ses_bench_001", now, data));
        }
        _frame = ProtocolCodec.Encode(MessageTypes.Events, new EventBatch(events), ProtocolJsonContext.Default.EventBatch, now);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public int EnvelopeThenPayloadThenStrings()
    {
        if (!ProtocolCodec.TryDecode(_frame, out var envelope, out var error)
            || !ProtocolCodec.TryPayload(envelope, ProtocolJsonContext.Default.EventBatch, out var batch, out error))
        {
            throw new InvalidOperationException(error);
        }
        var length = 0;
        foreach (var e in batch.Events)
        {
            length += e.Data.GetRawText().Length;
        }
        return length;
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public int OnePassUtf8() => _parser.TryParse(_frame, out var events) ? events.Count : throw new InvalidOperationException("not parsed");
}
