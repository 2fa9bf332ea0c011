using System.Text.Json;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Agent.Runtimes.ClaudeCode;
using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.Tests.Runtimes.ClaudeCode;

/// <summary>The stream-json mapping over the output the real claude 2.1.197 printed (Fixtures/cc_*.jsonl).</summary>
public sealed class ClaudeStreamMapperTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    private static string[] Lines(string fixture) => File.ReadAllLines(Fixtures.PathOf(fixture));

    private static string SessionOf(string fixture) =>
        JsonDocument.Parse(Lines(fixture)[0]).RootElement.GetProperty("session_id").GetString()!;

    private static List<PendingEvent> Map(ClaudeStreamMapper mapper, IEnumerable<string> lines) =>
        [.. lines.SelectMany(l => mapper.Map(l, s_now))];

    private static List<PendingEvent> Map(string fixture) => Map(new ClaudeStreamMapper(SessionOf(fixture)), Lines(fixture));

    private static string S(PendingEvent e, string name) => e.Data.GetProperty(name).GetString()!;

    private static List<PendingEvent> OfType(List<PendingEvent> events, string type) => [.. events.Where(e => e.Type == type)];

    [Fact]
    public void Map_OneTurn_RunningMessageUsageIdle()
    {
        var events = Map("cc_run1.jsonl").Where(e => e.Type != EventTypes.SessionActivity).ToList();

        Assert.Equal([EventTypes.SessionRunning, EventTypes.MessageCompleted, EventTypes.Usage, EventTypes.SessionIdle], events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal("b6d8cf9e-a53e-4751-8a1f-5a05c858b5a2", e.SessionId));
        var message = events[1];
        Assert.Equal("assistant", S(message, "role"));
        Assert.Equal("Hello from the fake LLM. 2+2=4. ", S(message, "text"));
        Assert.Equal("msg:msg_904653a5fb174249a924", message.OnceKey);
        var usage = events[2].Data;
        Assert.Equal(1234, usage.GetProperty("tokens").GetProperty("input").GetInt64());
        Assert.Equal(56, usage.GetProperty("tokens").GetProperty("output").GetInt64());
        Assert.Equal(100, usage.GetProperty("tokens").GetProperty("cache_read").GetInt64());
        Assert.Equal(0.00762m, usage.GetProperty("cost_usd").GetDecimal());
        Assert.Equal(1334, usage.GetProperty("context_tokens").GetInt64());
        Assert.Equal("claude-opus-4-8[1m]", usage.GetProperty("model").GetString());
    }

    [Fact]
    public void Map_TwoTurnsInOneProcess_CostOfEachTurnNotTheRunningTotal()
    {
        var events = Map("cc_stdin_stream.jsonl");

        var usage = OfType(events, EventTypes.Usage);
        Assert.Equal(2, usage.Count);
        Assert.All(usage, u => Assert.Equal(0.00762m, u.Data.GetProperty("cost_usd").GetDecimal()));
        Assert.All(usage, u => Assert.Equal(1234, u.Data.GetProperty("tokens").GetProperty("input").GetInt64()));
        Assert.Equal(2, OfType(events, EventTypes.SessionRunning).Count);
        Assert.Equal(2, OfType(events, EventTypes.SessionIdle).Count);
    }

    [Fact]
    public void Map_NewProcessAfterStartLine_CostCountsFromZeroAgain()
    {
        var mapper = new ClaudeStreamMapper(SessionOf("cc_stdin_stream.jsonl"));
        var lines = Lines("cc_stdin_stream.jsonl");
        Map(mapper, lines.Take(2));

        var resumed = Map(mapper, ["""{"type":"hal","event":"start","resume":true}""", .. Lines("cc_resume.jsonl")]);

        Assert.Equal(0.00762m, Assert.Single(OfType(resumed, EventTypes.Usage)).Data.GetProperty("cost_usd").GetDecimal());
    }

    [Fact]
    public void Map_ProviderError_SessionErrorWithStatusAndNoSyntheticMessage()
    {
        var events = Map("cc_fail.jsonl");

        Assert.Empty(OfType(events, EventTypes.MessageCompleted));
        Assert.Empty(OfType(events, EventTypes.Usage));
        var error = Assert.Single(OfType(events, EventTypes.SessionError));
        Assert.Equal("APIError", S(error, "error_name"));
        Assert.Equal(400, error.Data.GetProperty("status_code").GetInt32());
        Assert.Equal("API Error: 400 fake failure requested", S(error, "message"));
        Assert.Equal(EventTypes.SessionIdle, events.Last(e => e.Type != EventTypes.SessionActivity).Type);
    }

    [Fact]
    public void Map_Interrupted_DeltasPartialMessageAbortedErrorThenIdle()
    {
        var events = Map("cc_sigint.jsonl");

        Assert.Equal(["word0 ", "word1 "], OfType(events, EventTypes.MessageDelta).Select(e => S(e, "text")));
        var message = Assert.Single(OfType(events, EventTypes.MessageCompleted));
        Assert.Equal("word0 word1 ", S(message, "text"));
        Assert.Equal("aborted", S(message, "finish"));
        Assert.Equal("msg_e0c44e8aaf2b416498a6", S(OfType(events, EventTypes.MessageDelta)[0], "message_id"));
        Assert.Equal(ClaudeCodeEvents.AbortedErrorName, S(Assert.Single(OfType(events, EventTypes.SessionError)), "error_name"));
        Assert.Equal(EventTypes.SessionIdle, events.Last(e => e.Type != EventTypes.SessionActivity).Type);
    }

    [Fact]
    public void Map_ToolAllowed_StartedAndFinishedWithOutputThenTheAnswer()
    {
        var events = Map("cc_tool_allowed.jsonl");

        var started = Assert.Single(OfType(events, EventTypes.ToolStarted));
        Assert.Equal("toolu_b37e23cfd650465ca449", S(started, "call_id"));
        Assert.Equal("Bash", S(started, "tool"));
        Assert.Equal("echo hi-from-tool", started.Data.GetProperty("input").GetProperty("command").GetString());
        var finished = Assert.Single(OfType(events, EventTypes.ToolFinished));
        Assert.Equal("Bash", S(finished, "tool"));
        Assert.Equal("completed", S(finished, "status"));
        Assert.Equal("hi-from-tool", S(finished, "output"));
        var message = Assert.Single(OfType(events, EventTypes.MessageCompleted));
        Assert.Equal("Hello from the fake LLM. 2+2=4. ", S(message, "text"));
        Assert.Equal(S(message, "text"), string.Concat(OfType(events, EventTypes.MessageDelta).Select(e => S(e, "text"))));
        Assert.True(events.IndexOf(finished) < events.IndexOf(message));
    }

    [Fact]
    public void Map_ToolDenied_FinishedWithError()
    {
        var events = Map("cc_tool_denied.jsonl");

        var finished = Assert.Single(OfType(events, EventTypes.ToolFinished));
        Assert.Equal("error", S(finished, "status"));
        Assert.Contains("was blocked", S(finished, "error"), StringComparison.Ordinal);
    }

    [Fact]
    public void Map_RateLimitAfterRetry_RetryNextAttemptAndErrorResetAt()
    {
        var mapper = new ClaudeStreamMapper("s1");
        var events = Map(mapper, [
            """{"type":"system","subtype":"init","session_id":"s1","model":"m","uuid":"u0"}""",
            """{"type":"system","subtype":"api_retry","attempt":1,"max_retries":1,"retry_delay_ms":30000,"error_status":429,"error":"rate_limit","session_id":"s1","uuid":"u1"}""",
            """{"type":"result","subtype":"success","is_error":true,"api_error_status":429,"result":"API Error: Request rejected (429) · rate limited","session_id":"s1","total_cost_usd":0,"usage":{"input_tokens":0,"output_tokens":0},"uuid":"u2"}""",
        ]);

        var retry = Assert.Single(OfType(events, EventTypes.SessionRetry));
        Assert.Equal(s_now.AddSeconds(30), retry.Data.GetProperty("next_attempt_at").GetDateTimeOffset());
        var error = Assert.Single(OfType(events, EventTypes.SessionError));
        Assert.Equal("RateLimitError", S(error, "error_name"));
        Assert.Equal(429, error.Data.GetProperty("status_code").GetInt32());
        Assert.Equal(s_now.AddSeconds(30), error.Data.GetProperty("reset_at").GetDateTimeOffset());
    }

    [Fact]
    public void Map_RateLimitEvent_ResetAtFromTheProgramsLimitInfo()
    {
        var mapper = new ClaudeStreamMapper("s1");
        var reset = s_now.AddHours(2);
        var events = Map(mapper, [
            """{"type":"system","subtype":"init","session_id":"s1","uuid":"u0"}""",
            $$"""{"type":"rate_limit_event","rate_limit_info":{"status":"rejected","resetsAt":{{reset.ToUnixTimeSeconds()}},"rateLimitType":"five_hour"},"uuid":"u1","session_id":"s1"}""",
            """{"type":"result","subtype":"success","is_error":true,"api_error_status":429,"result":"limit reached","session_id":"s1","uuid":"u2"}""",
        ]);

        Assert.Equal(reset, Assert.Single(OfType(events, EventTypes.SessionError)).Data.GetProperty("reset_at").GetDateTimeOffset());
    }

    [Fact]
    public void Map_ExitLineDuringATurn_ProcessExitedErrorAndIdle()
    {
        var mapper = new ClaudeStreamMapper(SessionOf("cc_sigint.jsonl"));
        Map(mapper, ["""{"type":"hal","event":"start","resume":false}""", .. Lines("cc_sigint.jsonl").Take(5)]);
        Assert.True(mapper.TurnOpen);

        var events = Map(mapper, ["""{"type":"hal","event":"exit","message":"killed"}"""]);

        Assert.Equal("word0 ", S(Assert.Single(OfType(events, EventTypes.MessageCompleted)), "text"));
        Assert.Equal("ProcessExited", S(Assert.Single(OfType(events, EventTypes.SessionError)), "error_name"));
        Assert.Equal(EventTypes.SessionIdle, events.Last(e => e.Type != EventTypes.SessionActivity).Type);
        Assert.False(mapper.TurnOpen);
        Assert.True(mapper.Exited);
    }

    [Fact]
    public void Map_ExitAfterTheAgentInterruptedTheTurn_ReadsAsTheAbortNotACrash()
    {
        var mapper = new ClaudeStreamMapper(SessionOf("cc_sigint.jsonl"));
        Map(mapper, ["""{"type":"hal","event":"start","resume":false}""", .. Lines("cc_sigint.jsonl").Take(5)]);

        mapper.InterruptRequested();
        var events = Map(mapper, ["""{"type":"hal","event":"exit","message":"interrupted"}"""]);

        Assert.Equal("word0 ", S(Assert.Single(OfType(events, EventTypes.MessageCompleted)), "text"));
        Assert.Equal("MessageAbortedError", S(Assert.Single(OfType(events, EventTypes.SessionError)), "error_name"));
        Assert.Equal(EventTypes.SessionIdle, events.Last(e => e.Type != EventTypes.SessionActivity).Type);

        // The next program of the session starts clean: its own exit mid-turn is a crash again.
        Map(mapper, ["""{"type":"hal","event":"start","resume":true}""", .. Lines("cc_sigint.jsonl").Take(5)]);
        var crash = Map(mapper, ["""{"type":"hal","event":"exit","message":"killed"}"""]);
        Assert.Equal("ProcessExited", S(Assert.Single(OfType(crash, EventTypes.SessionError)), "error_name"));
    }

    [Fact]
    public void Map_ReplayedPrompt_UserMessageAndTurnStart()
    {
        var mapper = new ClaudeStreamMapper("s1");
        var events = Map(mapper, [
            """{"type":"user","message":{"role":"user","content":[{"type":"text","text":"count"}]},"session_id":"s1","parent_tool_use_id":null,"uuid":"p1","isReplay":true}""",
        ]);

        Assert.Equal([EventTypes.SessionRunning, EventTypes.SessionActivity, EventTypes.MessageCompleted], events.Select(e => e.Type));
        Assert.Equal(ActivityStates.Working, S(events[1], "state"));
        Assert.Equal("count", S(events[2], "text"));
        Assert.Equal("user", S(events[2], "role"));
        Assert.Equal("p1", mapper.TakenPrompt);
        Assert.True(mapper.TurnOpen);
    }
}
