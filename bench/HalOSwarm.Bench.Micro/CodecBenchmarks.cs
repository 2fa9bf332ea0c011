using BenchmarkDotNet.Attributes;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Events;

namespace HalOSwarm.Bench.Micro;

/// <summary>
/// The agent socket's hot path: one <c>events</c> frame of 100 <c>message.delta</c> events (20–200 bytes of
/// text each) encoded and decoded with <see cref="ProtocolCodec"/> and the source-generated context.
/// </summary>
[MemoryDiagnoser]
public class CodecBenchmarks
{
    private const string Text =
        "Let me look at the failing test first. The assertion compares the parsed config with the defaults, " +
        "so the new key must be optional; I will add it to the options class and the validator, then rerun it. ";

    private EventBatch _batch = null!;
    private byte[] _frame = [];

    [Params(100)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var now = DateTimeOffset.UtcNow;
        var events = new List<AgentEvent>(Events);
        for (var seq = 1; seq <= Events; seq++)
        {
            var length = 20 + (seq * 37 % 181);
            var data = ProtocolCodec.ToElement(new MessageDeltaData("msg_0_1", "prt_1", Text[..length]), ProtocolJsonContext.Default.MessageDeltaData);
            events.Add(new AgentEvent(seq, EventTypes.MessageDelta, "ses_bench_001", now, data));
        }
        _batch = new EventBatch(events);
        _frame = Encode();
    }

    [Benchmark]
    public byte[] Encode() => ProtocolCodec.Encode(MessageTypes.Events, _batch, ProtocolJsonContext.Default.EventBatch, DateTimeOffset.UtcNow);

    [Benchmark]
    public int DecodeEnvelopeAndBatch()
    {
        if (!ProtocolCodec.TryDecode(_frame, out var envelope, out var error)
            || !ProtocolCodec.TryPayload(envelope, ProtocolJsonContext.Default.EventBatch, out var batch, out error))
        {
            throw new InvalidOperationException(error);
        }
        return batch.Events.Count;
    }

    [Benchmark]
    public int DecodeEnvelopeOnly() =>
        ProtocolCodec.TryDecode(_frame, out var envelope, out var error) ? envelope.Payload.GetProperty("events").GetArrayLength() : throw new InvalidOperationException(error);
}
