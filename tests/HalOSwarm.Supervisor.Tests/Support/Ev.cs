using System.Text.Json;
using HalOSwarm.Protocol;

namespace HalOSwarm.Supervisor.Tests.Support;

/// <summary>Builds agent events from JSON text.</summary>
internal static class Ev
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public static AgentEvent Make(long seq, string type, string? sessionId = "ses_1", string data = "{}") =>
        new(seq, type, sessionId, T0.AddSeconds(seq), JsonDocument.Parse(data).RootElement.Clone());

    public static AgentEvent[] Range(long from, long to, string type = EventTypes.MessageDelta, string sessionId = "ses_1") =>
        Enumerable.Range((int)from, (int)(to - from + 1))
            .Select(i => Make(i, type, sessionId, type == EventTypes.MessageDelta ? $$"""{"message_id":"m{{i}}","text":"t{{i}}"}""" : "{}"))
            .ToArray();
}
