using System.Text.Json;
using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.Connection;

/// <summary>Turns events into <c>events</c> frames, each under the supervisor's frame limit.</summary>
internal static class EventBatchEncoder
{
    private static readonly JsonElement s_truncated = JsonDocument.Parse("""{"truncated":true}""").RootElement.Clone();

    public static List<byte[]> Encode(IReadOnlyList<AgentEvent> events, int maxFrameBytes, DateTimeOffset now)
    {
        var frames = new List<byte[]>();
        Encode(events, maxFrameBytes, now, frames);
        return frames;
    }

    private static void Encode(IReadOnlyList<AgentEvent> events, int maxFrameBytes, DateTimeOffset now, List<byte[]> frames)
    {
        var frame = ProtocolCodec.Encode(MessageTypes.Events, new EventBatch(events), ProtocolJsonContext.Default.EventBatch, now);
        if (frame.Length <= maxFrameBytes)
        {
            frames.Add(frame);
            return;
        }
        if (events.Count == 1)
        {
            // One event alone is too big: send it without its data rather than block the stream forever.
            var cut = events[0] with { Data = s_truncated };
            frames.Add(ProtocolCodec.Encode(MessageTypes.Events, new EventBatch([cut]), ProtocolJsonContext.Default.EventBatch, now));
            return;
        }
        var half = events.Count / 2;
        Encode([.. events.Take(half)], maxFrameBytes, now, frames);
        Encode([.. events.Skip(half)], maxFrameBytes, now, frames);
    }
}
