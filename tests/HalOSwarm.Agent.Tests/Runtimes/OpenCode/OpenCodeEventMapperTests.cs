using System.Text.Json;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Agent.Runtimes.OpenCode;
using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.Tests.Runtimes.OpenCode;

public sealed class OpenCodeEventMapperTests
{
    private const string Session1 = "ses_df6c81aa0ffe23wNHvBFnj92pA";
    private const string Session2 = "ses_df6c7b097ffeGPsu8uLebEYGEF";

    private static OpenCodeEventMapper NewMapper(string directory = Fixtures.Directory) =>
        new([new ProjectOptions { Name = "proj", Directory = directory }]);

    /// <summary>Maps a recording and drops what the outbox would drop (an already used once-key).</summary>
    private static async Task<List<PendingEvent>> MapAsync(string fixture, OpenCodeEventMapper? mapper = null, bool global = false)
    {
        mapper ??= NewMapper();
        var keys = new HashSet<string>();
        var events = new List<PendingEvent>();
        foreach (var item in await Fixtures.ReadSseAsync(fixture))
        {
            foreach (var e in global ? mapper.MapGlobal(item) : mapper.Map(Fixtures.Directory, item))
            {
                if (e.OnceKey is null || keys.Add(e.OnceKey))
                {
                    events.Add(e);
                }
            }
        }
        return events;
    }

    private static JsonElement Status(string type) =>
        JsonDocument.Parse("{\"type\":\"session.status\",\"properties\":{\"sessionID\":\"" + Session1 + "\",\"status\":{\"type\":\"" + type + "\"}}}").RootElement;

    private static string S(PendingEvent e, string name) => e.Data.GetProperty(name).GetString()!;

    [Fact]
    public void Map_AssistantCompletedBeforeAnyPart_NotRecordedEmptyButHandedOutToReadBack()
    {
        var mapper = NewMapper();
        static JsonElement Message(string time) => JsonDocument.Parse(
            "{\"type\":\"message.updated\",\"properties\":{\"sessionID\":\"" + Session1 + "\",\"info\":{\"id\":\"msg_late\",\"role\":\"assistant\",\"sessionID\":\""
            + Session1 + "\",\"time\":" + time + ",\"finish\":\"stop\"}}}").RootElement;
        static JsonElement TextPart() => JsonDocument.Parse(
            "{\"type\":\"message.part.updated\",\"properties\":{\"sessionID\":\"" + Session1 + "\",\"part\":{\"id\":\"prt_1\",\"messageID\":\"msg_late\",\"sessionID\":\""
            + Session1 + "\",\"type\":\"text\",\"text\":\"the answer\"}}}").RootElement;

        // The order seen under load: the completed message first, its parts after it.
        var completed = mapper.Map(Fixtures.Directory, Message("{\"created\":1,\"completed\":2}"));
        var late = mapper.Map(Fixtures.Directory, TextPart());

        var delta = mapper.Map(Fixtures.Directory, JsonDocument.Parse(
            "{\"type\":\"message.part.delta\",\"properties\":{\"sessionID\":\"" + Session1 + "\",\"messageID\":\"msg_late\",\"partID\":\"prt_1\",\"field\":\"text\",\"delta\":\"the answer\"}}").RootElement);
        var again = mapper.Map(Fixtures.Directory, Message("{\"created\":1,\"completed\":2}"));

        Assert.DoesNotContain(completed.Concat(late).Concat(delta).Concat(again), e => e.Type == EventTypes.MessageCompleted);
        // Its late deltas are still recorded (a client following the stream sees the text).
        Assert.Equal("the answer", S(Assert.Single(delta), "text"));
        var unseen = Assert.Single(mapper.TakeUnseen());
        Assert.Equal((Session1, "msg_late", Fixtures.Directory), (unseen.SessionId, unseen.MessageId, unseen.Directory));
        Assert.Empty(mapper.TakeUnseen());

        // A message whose parts came first is finished from them, as before.
        var ordered = NewMapper();
        ordered.Map(Fixtures.Directory, TextPart());
        var finished = ordered.Map(Fixtures.Directory, Message("{\"created\":1,\"completed\":2}"));
        Assert.Equal("the answer", S(Assert.Single(finished, e => e.Type == EventTypes.MessageCompleted), "text"));
        Assert.Empty(ordered.TakeUnseen());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Map_PlainPrompt_YieldsLifecycleDeltasMessagesUsage(bool global)
    {
        var events = await MapAsync(global ? "oc_global_event.sse" : "oc_event.sse", global: global);

        Assert.Equal(EventTypes.SessionCreated, events[0].Type);
        Assert.Equal(Session1, events[0].SessionId);
        Assert.Equal("proj", S(events[0], "project"));
        Assert.Equal("lab test 1", S(events[0], "title"));
        Assert.Equal(Fixtures.Directory, S(events[0], "directory"));
        Assert.Equal("opencode", S(events[0], "runtime"));
        Assert.Equal("session.created", events[0].Data.GetProperty("raw").GetProperty("type").GetString());

        var types = events.Select(e => e.Type).ToList();
        Assert.Equal(1, types.Count(t => t == EventTypes.SessionRunning));
        Assert.Equal(1, types.Count(t => t == EventTypes.SessionIdle));
        Assert.Equal(EventTypes.SessionIdle, types[^1]);
        Assert.True(types.IndexOf(EventTypes.SessionRunning) < types.IndexOf(EventTypes.MessageDelta));

        var deltas = events.Where(e => e.Type == EventTypes.MessageDelta).ToList();
        Assert.Equal(6, deltas.Count);
        Assert.All(deltas, d => Assert.False(d.Data.TryGetProperty("raw", out _)));
        var streamed = string.Concat(deltas.Select(d => S(d, "text")));
        Assert.Equal("Hello from the fake LLM. 2+2=4. ", streamed);

        var completed = events.Where(e => e.Type == EventTypes.MessageCompleted).ToList();
        Assert.Equal(2, completed.Count);
        Assert.Equal("user", S(completed[0], "role"));
        Assert.Equal("msg_20937ed75001KAkHeVJ5HQFA4T", S(completed[0], "message_id"));
        Assert.Equal("What is 2+2?", S(completed[0], "text"));
        Assert.Equal("assistant", S(completed[1], "role"));
        Assert.Equal("msg_20937fe23001Q3Xkh6k7i4Dh7J", S(completed[1], "message_id"));
        Assert.Equal(streamed, S(completed[1], "text"));
        Assert.Equal("stop", S(completed[1], "finish"));
        Assert.Equal("fake-model", S(completed[1], "model"));
        Assert.True(types.IndexOf(EventTypes.MessageCompleted) < types.IndexOf(EventTypes.MessageDelta), "user message before the answer");

        var usage = Assert.Single(events, e => e.Type == EventTypes.Usage);
        Assert.Equal("msg_20937fe23001Q3Xkh6k7i4Dh7J", S(usage, "message_id"));
        Assert.Equal("fake", S(usage, "provider"));
        Assert.Equal("fake-model", S(usage, "model"));
        var tokens = usage.Data.GetProperty("tokens");
        Assert.Equal(1034, tokens.GetProperty("input").GetInt64());
        Assert.Equal(56, tokens.GetProperty("output").GetInt64());
        Assert.Equal(200, tokens.GetProperty("cache_read").GetInt64());
        Assert.Equal(0, tokens.GetProperty("cache_write").GetInt64());
        Assert.Equal(0.004002m, usage.Data.GetProperty("cost_usd").GetDecimal());
        Assert.Equal(1234, usage.Data.GetProperty("context_tokens").GetInt64());
        Assert.True(types.IndexOf(EventTypes.Usage) < types.LastIndexOf(EventTypes.SessionIdle));
    }

    [Fact]
    public async Task Map_ToolCallWithPermission_YieldsPermissionAndToolEvents()
    {
        var events = await MapAsync("oc_event2.sse");

        var asked = Assert.Single(events, e => e.Type == EventTypes.PermissionAsked);
        Assert.Equal(Session2, asked.SessionId);
        Assert.Equal("per_20938540a001z2fz8i5OX6UELX", S(asked, "permission_id"));
        Assert.Equal("bash", S(asked, "permission"));
        Assert.Equal("bash", S(asked, "tool"));
        Assert.Equal("echo hi-from-tool", asked.Data.GetProperty("patterns")[0].GetString());
        var replied = Assert.Single(events, e => e.Type == EventTypes.PermissionReplied);
        Assert.Equal("per_20938540a001z2fz8i5OX6UELX", S(replied, "permission_id"));
        Assert.Equal("once", S(replied, "reply"));

        var started = Assert.Single(events, e => e.Type == EventTypes.ToolStarted);
        Assert.Equal("call_fdb7d5c7", S(started, "call_id"));
        Assert.Equal("bash", S(started, "tool"));
        Assert.Equal("msg_2093851d4001cmuNiapNsfMKdi", S(started, "message_id"));
        var finished = Assert.Single(events, e => e.Type == EventTypes.ToolFinished);
        Assert.Equal("call_fdb7d5c7", S(finished, "call_id"));
        Assert.Equal("completed", S(finished, "status"));
        Assert.Equal("hi-from-tool\n", S(finished, "output"));
        Assert.Equal("echo hi-from-tool", S(finished, "title"));

        var types = events.Select(e => e.Type).ToList();
        Assert.True(types.IndexOf(EventTypes.ToolStarted) < types.IndexOf(EventTypes.PermissionAsked));
        Assert.True(types.IndexOf(EventTypes.PermissionReplied) < types.IndexOf(EventTypes.ToolFinished));

        var completed = events.Where(e => e.Type == EventTypes.MessageCompleted).ToList();
        Assert.Equal(["user", "assistant", "assistant"], completed.Select(c => S(c, "role")));
        Assert.Equal("Please USE_TOOL to greet", S(completed[0], "text"));
        Assert.Equal("tool-calls", S(completed[1], "finish"));
        Assert.Equal("Hello from the fake LLM. 2+2=4. ", S(completed[2], "text"));
        var usage = events.Where(e => e.Type == EventTypes.Usage).ToList();
        Assert.Equal(2, usage.Count);
        Assert.All(usage, u => Assert.Equal(0.004002m, u.Data.GetProperty("cost_usd").GetDecimal()));
    }

    [Fact]
    public async Task Map_AbortThenProviderError_YieldsSessionErrors()
    {
        var events = await MapAsync("oc_event3.sse");

        var errors = events.Where(e => e.Type == EventTypes.SessionError).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Equal("MessageAbortedError", S(errors[0], "error_name"));
        Assert.Equal("Aborted", S(errors[0], "message"));
        Assert.Equal("APIError", S(errors[1], "error_name"));
        Assert.Equal("fake failure requested", S(errors[1], "message"));
        Assert.Equal(400, errors[1].Data.GetProperty("status_code").GetInt32());
        Assert.All(errors, e => Assert.Equal(Session1, e.SessionId));

        var aborted = Assert.Single(events, e => e.Type == EventTypes.MessageCompleted && S(e, "message_id") == "msg_20938ce2b001fKnKg3f2ExF8nT");
        Assert.StartsWith("word0 word1 word2", S(aborted, "text"));
        Assert.Equal(4, events.Count(e => e.Type == EventTypes.MessageCompleted));
    }

    [Fact]
    public async Task Map_SummarizeAndDelete_YieldsCompactedAndDeleted()
    {
        var events = await MapAsync("oc_event4.sse");

        var compacted = Assert.Single(events, e => e.Type == EventTypes.SessionCompacted);
        Assert.Equal(Session2, compacted.SessionId);
        var deleted = Assert.Single(events, e => e.Type == EventTypes.SessionDeleted);
        Assert.Equal(Session1, deleted.SessionId);
        Assert.Equal("session.deleted", deleted.Data.GetProperty("raw").GetProperty("type").GetString());
        var usage = Assert.Single(events, e => e.Type == EventTypes.Usage);
        Assert.Equal("msg_209393a00001KVfMeCeSgjd3KE", S(usage, "message_id"));
    }

    [Fact]
    public async Task Map_OtherDirectory_IsIgnored()
    {
        var events = await MapAsync("oc_global_event.sse", NewMapper("/somewhere/else"), global: true);

        Assert.Empty(events);
    }

    [Fact]
    public async Task Map_KnownStatus_IsNotRepeated()
    {
        var mapper = NewMapper();
        mapper.SetStatus(Session1, SessionStatuses.Idle);
        var busy = Status("busy");
        var idle = Status("idle");

        Assert.Empty(mapper.Map(Fixtures.Directory, idle));
        Assert.Equal(EventTypes.SessionRunning, Assert.Single(mapper.Map(Fixtures.Directory, busy)).Type);
        Assert.Empty(mapper.Map(Fixtures.Directory, busy));
        Assert.Equal(EventTypes.SessionIdle, Assert.Single(mapper.Map(Fixtures.Directory, idle)).Type);
        await Task.CompletedTask;
    }

    [Fact]
    public void MessageFinished_FromPromptResponse_MatchesLiveMapping()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Fixtures.PathOf("oc_prompt_sync.json")));
        var info = document.RootElement.GetProperty("info");
        var parts = document.RootElement.GetProperty("parts").EnumerateArray().ToList();

        var events = OpenCodeEventFactory.MessageFinished(Session1, info, parts, OpenCodeEventFactory.Text(parts)).ToList();

        Assert.Equal([EventTypes.MessageCompleted, EventTypes.Usage], events.Select(e => e.Type));
        Assert.Equal("Hello from the fake LLM. 2+2=4. ", S(events[0], "text"));
        Assert.Equal("msg:msg_20937fe23001Q3Xkh6k7i4Dh7J", events[0].OnceKey);
        Assert.Equal("usage:msg_20937fe23001Q3Xkh6k7i4Dh7J", events[1].OnceKey);
        Assert.Equal(1034, events[1].Data.GetProperty("tokens").GetProperty("input").GetInt64());
    }
}
