using HalOSwarm.Protocol;

namespace HalOSwarm.Bench.Load;

/// <summary>
/// The event a simulated agent records at a given seq. Sessions take turns event by event; each session
/// plays turns of <see cref="TurnLength"/> events: running, ~40 text deltas of 20–200 bytes with one tool
/// call in the middle, usage, idle (<see cref="EventMixKind"/> picks only usage events, or the turns without
/// them). Deterministic, so a resend after a reconnect is byte for byte the same.
/// </summary>
internal static class EventMix
{
    public const int TurnLength = 48;

    public static (string Type, int Session, long Turn, int Step) At(long seq, int sessions, EventMixKind kind = EventMixKind.Turns)
    {
        var index = seq - 1;
        var session = (int)(index % sessions);
        if (index < sessions)
        {
            return (EventTypes.SessionCreated, session, 0, -1);
        }
        var ordinal = (index / sessions) - 1;
        if (kind is EventMixKind.Usage or EventMixKind.UsageShaped)
        {
            return (kind == EventMixKind.Usage ? EventTypes.Usage : EventTypes.ToolFinished, session, ordinal, 0);
        }
        var turn = ordinal / TurnLength;
        var step = (int)(ordinal % TurnLength);
        var type = step switch
        {
            0 => EventTypes.SessionRunning,
            20 => EventTypes.ToolStarted,
            21 => EventTypes.ToolFinished,
            TurnLength - 2 => kind == EventMixKind.Plain ? EventTypes.MessageDelta : EventTypes.Usage,
            TurnLength - 1 => EventTypes.SessionIdle,
            _ => EventTypes.MessageDelta,
        };
        return (type, session, turn, step);
    }

    /// <summary>Text length of a delta, 20–200 bytes, spread by a cheap hash of the seq.</summary>
    public static int DeltaLength(long seq) => 20 + (int)((ulong)(seq * 2654435761L) % 181);
}
