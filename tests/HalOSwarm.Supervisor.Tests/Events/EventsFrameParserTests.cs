using System.Text;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Events;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Events;

public sealed class EventsFrameParserTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TryParse_EncodedEventsFrame_ReadsEveryEventWithItsDataAsSent()
    {
        var frame = ProtocolCodec.Encode(MessageTypes.Events, new EventBatch([.. Ev.Range(1, 3), Ev.Make(4, EventTypes.SessionIdle, null)]),
            ProtocolJsonContext.Default.EventBatch, s_now);

        Assert.True(new EventsFrameParser().TryParse(frame, out var events));

        Assert.Equal([1L, 2, 3, 4], events.Select(e => e.Seq));
        Assert.Equal(EventTypes.MessageDelta, events[0].Type);
        Assert.Equal("ses_1", events[0].SessionId);
        Assert.Null(events[3].SessionId);
        Assert.Equal("""{"message_id":"m2","text":"t2"}""", Encoding.UTF8.GetString(events[1].Data.Span));
        Assert.Equal(Ev.Make(1, EventTypes.MessageDelta).Ts, events[0].Ts);
    }

    [Fact]
    public void TryParse_PrettyDataAndMissingData_StoredCompactOrAsEmptyObject()
    {
        var frame = Encoding.UTF8.GetBytes("""
            {"v":1,"type":"events","ts":"2026-11-25T12:00:00Z","payload":{"events":[
              {"seq":1,"type":"usage","session_id":"s","ts":"2026-11-25T12:00:00Z","data":{
                "model": "m",
                "tokens": {"input": 1}
              }},
              {"seq":2,"type":"session.idle","session_id":"s","ts":"2026-11-25T12:00:00Z","extra":[1,{"a":2}]}
            ]}}
            """);

        Assert.True(new EventsFrameParser().TryParse(frame, out var events));

        Assert.Equal("""{"model":"m","tokens":{"input":1}}""", Encoding.UTF8.GetString(events[0].Data.Span));
        Assert.Equal("{}", Encoding.UTF8.GetString(events[1].Data.Span));
    }

    [Theory]
    [InlineData("""{"v":1,"type":"heartbeat","ts":"2026-11-25T12:00:00Z","payload":{}}""")]
    [InlineData("""{"v":1,"payload":{"events":[]},"type":"events"}""")]
    [InlineData("""{"v":1,"type":"events","payload":{"events":[{"seq":0,"type":"x","ts":"2026-11-25T12:00:00Z"}]}}""")]
    [InlineData("""{"v":1,"type":"events","payload":{"events":[{"seq":1,"ts":"2026-11-25T12:00:00Z"}]}}""")]
    [InlineData("""{"v":1,"type":"events","payload":{"events":[{"seq":"1","type":"x","ts":"2026-11-25T12:00:00Z"}]}}""")]
    [InlineData("""{"v":1,"type":"events","payload":{"events":null}}""")]
    [InlineData("""{"v":1,"type":"events","payload":{"events":[]}} trailing""")]
    [InlineData("""{"v":1,"type":"events","payload":{"events":[{"seq":1,"type":"x","ts":"2026-11-25T12:00:00Z","data":{]}]}}""")]
    [InlineData("not json")]
    public void TryParse_AnythingElse_LeftToTheGeneralPath(string frame) =>
        Assert.False(new EventsFrameParser().TryParse(Encoding.UTF8.GetBytes(frame), out _));

    [Fact]
    public void TryParse_SameSessionInManyEvents_OneString()
    {
        var frame = ProtocolCodec.Encode(MessageTypes.Events, new EventBatch(Ev.Range(1, 50)), ProtocolJsonContext.Default.EventBatch, s_now);

        Assert.True(new EventsFrameParser().TryParse(frame, out var events));

        Assert.All(events, e => Assert.Same(events[0].SessionId, e.SessionId));
        Assert.All(events, e => Assert.Same(events[0].Type, e.Type));
    }
}
