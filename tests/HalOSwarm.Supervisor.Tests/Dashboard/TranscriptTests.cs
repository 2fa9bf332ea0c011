using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Dashboard.Session;
using HalOSwarm.Supervisor.Events;

namespace HalOSwarm.Supervisor.Tests.Dashboard;

/// <summary>The session page's transcript model: stored events in, readable lines and a status timeline out.</summary>
public sealed class TranscriptTests
{
    private static readonly DateTimeOffset s_at = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private long _id;

    private StoredEvent Event(string type, string data) => new(++_id, "node-1", _id, type, "s-1", s_at.AddSeconds(_id), data);

    [Fact]
    public void Apply_DeltasOfTwoParts_OneStreamingLineThenTheCompletedText()
    {
        var transcript = new Transcript();
        transcript.Apply(Event(EventTypes.MessageDelta, """{"message_id":"m1","part_id":"p1","text":"Hello "}"""));
        transcript.Apply(Event(EventTypes.MessageDelta, """{"message_id":"m1","part_id":"p1","text":"world."}"""));
        transcript.Apply(Event(EventTypes.MessageDelta, """{"message_id":"m1","part_id":"p2","text":"Second part."}"""));

        var line = Assert.Single(transcript.Entries);
        Assert.Equal(TranscriptEntryKind.Assistant, line.Kind);
        Assert.True(line.Streaming);
        Assert.Equal("Hello world.\n\nSecond part.", line.Text);

        transcript.Apply(Event(EventTypes.MessageCompleted, """{"message_id":"m1","role":"assistant","text":"Hello world. Second part."}"""));
        transcript.Apply(Event(EventTypes.MessageDelta, """{"message_id":"m1","part_id":"p2","text":" late"}"""));

        line = Assert.Single(transcript.Entries);
        Assert.False(line.Streaming);
        Assert.Equal("Hello world. Second part.", line.Text);
    }

    [Fact]
    public void Apply_UserPromptToolCallAndError_LinesInOrderWithInputAndOutput()
    {
        var transcript = new Transcript();
        transcript.Apply(Event(EventTypes.MessageCompleted, """{"message_id":"u1","role":"user","text":"Write the marker."}"""));
        transcript.Apply(Event(EventTypes.ToolStarted, """{"call_id":"c1","tool":"bash","message_id":"m2","input":{"command":"echo hi"}}"""));
        transcript.Apply(Event(EventTypes.ToolFinished,
            """{"call_id":"c1","tool":"bash","message_id":"m2","status":"completed","title":"write marker","output":"hi\n"}"""));
        transcript.Apply(Event(EventTypes.MessageCompleted, """{"message_id":"m2","role":"assistant","text":""}"""));
        transcript.Apply(Event(EventTypes.SessionError, """{"error_name":"APIError","message":"rate limited","status_code":429}"""));

        Assert.Collection(transcript.Entries,
            user => Assert.Equal((TranscriptEntryKind.User, "Write the marker."), (user.Kind, user.Text)),
            tool =>
            {
                Assert.Equal((TranscriptEntryKind.Tool, "bash", "completed", "write marker"), (tool.Kind, tool.Tool, tool.Status, tool.Text));
                Assert.Contains("\"command\": \"echo hi\"", tool.Input, StringComparison.Ordinal);
                Assert.Equal("hi\n", tool.Output);
            },
            error => Assert.Equal((TranscriptEntryKind.Error, "APIError: rate limited"), (error.Kind, error.Text)));
        Assert.Equal("error", Assert.Single(transcript.Timeline).Label);
    }

    [Fact]
    public void Apply_PermissionAskedThenReplied_LineCarriesPatternsAndReply()
    {
        var transcript = new Transcript();
        transcript.Apply(Event(EventTypes.PermissionAsked,
            """{"permission_id":"per_1","permission":"bash","tool":"bash","patterns":["echo hi > marker.txt"],"reason":"run echo"}"""));

        var line = Assert.Single(transcript.Entries);
        Assert.Equal((TranscriptEntryKind.Permission, "per_1", "bash", "echo hi > marker.txt"), (line.Kind, line.ExternalId, line.Tool, line.Input));
        Assert.Null(line.Status);

        transcript.Apply(Event(EventTypes.PermissionReplied, """{"permission_id":"per_1","reply":"once"}"""));

        Assert.Equal("once", Assert.Single(transcript.Entries).Status);
    }

    [Fact]
    public void Apply_StatusAndRepeatedActivity_TimelineKeepsEachChangeOnce()
    {
        var transcript = new Transcript();
        transcript.Apply(Event(EventTypes.SessionRunning, "{}"));
        transcript.Apply(Event(EventTypes.SessionActivity, """{"state":"working","detail":"streaming"}"""));
        transcript.Apply(Event(EventTypes.SessionActivity, """{"state":"working"}"""));
        transcript.Apply(Event(EventTypes.SessionIdle, """{"reason":"turn ended"}"""));
        transcript.Apply(Event(EventTypes.SessionNeedsInput, """{"kind":"permission"}"""));

        Assert.Equal(["running", "activity: working", "idle", "needs input"], transcript.Timeline.Select(t => t.Label));
        Assert.Equal("turn ended", transcript.Timeline[2].Detail);
        Assert.Empty(transcript.Entries);
    }

    [Fact]
    public void Apply_SameOrOlderIdOrBadJson_Skipped()
    {
        var transcript = new Transcript();
        var first = Event(EventTypes.MessageCompleted, """{"message_id":"m1","role":"assistant","text":"once"}""");
        Assert.True(transcript.Apply(first));
        Assert.False(transcript.Apply(first));
        Assert.False(transcript.Apply(Event(EventTypes.MessageCompleted, "not json")));
        Assert.False(transcript.Apply(Event("usage", """{"message_id":"m1"}""")));

        Assert.Single(transcript.Entries);
        Assert.Equal(_id, transcript.LastId);
    }

    [Fact]
    public void Apply_MoreLinesThanTheLimit_OldestDropped()
    {
        var transcript = new Transcript();
        for (var i = 0; i < Transcript.MaxEntries + 5; i++)
        {
            transcript.Apply(Event(EventTypes.MessageCompleted, $$"""{"message_id":"m{{i}}","role":"assistant","text":"line {{i}}"}"""));
        }

        Assert.Equal(Transcript.MaxEntries, transcript.Entries.Count);
        Assert.Equal("line 5", transcript.Entries[0].Text);
        Assert.True(transcript.Trimmed);
    }

    [Fact]
    public void Snapshot_UnchangedLine_SameCopyUntilTheLineChanges()
    {
        var transcript = new Transcript();
        transcript.Apply(Event(EventTypes.MessageDelta, """{"message_id":"m1","part_id":"p1","text":"a"}"""));
        var line = Assert.Single(transcript.Entries);
        var first = line.Snapshot();

        Assert.Same(first, line.Snapshot());
        transcript.Apply(Event(EventTypes.MessageDelta, """{"message_id":"m1","part_id":"p1","text":"b"}"""));
        var second = line.Snapshot();

        Assert.NotSame(first, second);
        Assert.Equal(("a", "ab"), (first.Text, second.Text));
    }
}
