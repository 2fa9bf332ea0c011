using HalOSwarm.Ctl.Output;

namespace HalOSwarm.Ctl.Tests.Output;

public sealed class SseParserTests
{
    private static List<SseEvent> Parse(params string[] lines)
    {
        var parser = new SseParser();
        return [.. lines.Select(parser.Feed).OfType<SseEvent>()];
    }

    [Fact]
    public void Feed_IdEventData_DispatchesOnBlankLine()
    {
        var events = Parse("id: 42", "event: session.idle", "data: {\"id\":42}", "");

        var evt = Assert.Single(events);
        Assert.Equal(new SseEvent("42", "session.idle", "{\"id\":42}"), evt);
    }

    [Fact]
    public void Feed_KeepAliveComment_IsIgnored()
    {
        Assert.Empty(Parse(": keep-alive", ""));
    }

    [Fact]
    public void Feed_MultipleDataLines_JoinsWithNewline()
    {
        var evt = Assert.Single(Parse("data: a", "data:b", ""));

        Assert.Equal("a\nb", evt.Data);
        Assert.Equal("message", evt.Event);
    }

    [Fact]
    public void Feed_EventWithoutId_KeepsLastEventId()
    {
        var events = Parse("id: 7", "data: x", "", "data: y", "");

        Assert.Equal(["7", "7"], events.Select(e => e.Id));
    }

    [Fact]
    public void Feed_NoBlankLineYet_DispatchesNothing()
    {
        Assert.Empty(Parse("id: 1", "event: usage", "data: {}"));
    }
}
