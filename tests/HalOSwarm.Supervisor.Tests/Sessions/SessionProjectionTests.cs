using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Sessions;

public sealed class SessionProjectionTests
{
    private const string Created = """{"project":"alpha","runtime":"opencode","title":"Fix it","model":"m1","parent_session_id":"ses_parent"}""";

    private static string Usage(int input, int output, double cost, int context) =>
        $$"""{"message_id":"m","model":"m2","tokens":{"input":{{input}},"output":{{output}},"reasoning":1,"cache_read":2,"cache_write":3},"cost_usd":{{cost.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"context_tokens":{{context}}}""";

    [Fact]
    public async Task Events_LifecycleAndUsage_SessionProjected()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-p");

        await agent.SendEventsAsync(
            Ev.Make(1, EventTypes.TaskProgress, null, """{"project":"alpha","current_task":"Write tests","done":1,"total":4}"""),
            Ev.Make(2, EventTypes.SessionCreated, "ses_p", Created),
            Ev.Make(3, EventTypes.SessionRunning, "ses_p"),
            Ev.Make(4, EventTypes.Usage, "ses_p", Usage(100, 10, 0.5, 1000)),
            Ev.Make(5, EventTypes.Usage, "ses_p", Usage(200, 20, 0.25, 2000)),
            Ev.Make(6, EventTypes.SessionCompacted, "ses_p"),
            Ev.Make(7, EventTypes.SessionError, "ses_p", """{"error_name":"APIError","message":"rate limited","status_code":429}"""),
            Ev.Make(8, EventTypes.SessionIdle, "ses_p"),
            Ev.Make(9, EventTypes.TaskProgress, null, """{"project":"alpha","current_task":"Write tests","done":3,"total":4}"""));
        await agent.WaitForAckAsync(9);

        var s = await host.GetDataAsync("/api/v1/sessions/ses_p");
        Assert.Equal("idle", s.GetProperty("status").GetString());
        Assert.Equal("alpha", s.GetProperty("project").GetString());
        Assert.Equal("ses_parent", s.GetProperty("parent_session_id").GetString());
        Assert.Equal("m2", s.GetProperty("model").GetString());
        Assert.Equal(300, s.GetProperty("tokens").GetProperty("input").GetInt64());
        Assert.Equal(30, s.GetProperty("tokens").GetProperty("output").GetInt64());
        Assert.Equal(6, s.GetProperty("tokens").GetProperty("cache_write").GetInt64());
        Assert.Equal(0.75, s.GetProperty("cost_usd").GetDouble(), 6);
        Assert.Equal(2000, s.GetProperty("context_tokens").GetInt64());
        Assert.Equal(1, s.GetProperty("compaction_count").GetInt64());
        Assert.Equal("APIError: rate limited", s.GetProperty("last_error").GetString());
        Assert.Equal("Write tests", s.GetProperty("current_task").GetString());
        Assert.Equal(3, s.GetProperty("task_done").GetInt64());
        Assert.Equal(Ev.T0.AddSeconds(8), s.GetProperty("last_activity_at").GetDateTimeOffset());
    }

    [Fact]
    public async Task LastActivity_BatchesApart_TrailsLatestEventByUnderASecond_ExactAtStatusChange()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-t");
        async Task<DateTimeOffset> SendAsync(long seq, string type, double seconds)
        {
            var data = type == EventTypes.SessionCreated ? Created : type == EventTypes.MessageDelta ? $$"""{"message_id":"m","text":"t{{seq}}"}""" : "{}";
            var e = Ev.Make(seq, type, "ses_t", data) with { Ts = Ev.T0.AddSeconds(seconds) };
            await agent.SendEventsAsync(e);
            await agent.WaitForAckAsync(seq);
            return (await host.GetDataAsync("/api/v1/sessions/ses_t")).GetProperty("last_activity_at").GetDateTimeOffset();
        }

        Assert.Equal(Ev.T0, await SendAsync(1, EventTypes.SessionCreated, 0));
        Assert.Equal(Ev.T0.AddSeconds(1), await SendAsync(2, EventTypes.SessionRunning, 1));
        // Within a second of the stored time: not written yet.
        Assert.Equal(Ev.T0.AddSeconds(1), await SendAsync(3, EventTypes.MessageDelta, 1.5));
        Assert.Equal(Ev.T0.AddSeconds(2.1), await SendAsync(4, EventTypes.MessageDelta, 2.1));
        Assert.Equal(Ev.T0.AddSeconds(2.1), await SendAsync(5, EventTypes.MessageDelta, 2.6));
        // A status change is written at once, however close to the stored time.
        Assert.Equal(Ev.T0.AddSeconds(2.8), await SendAsync(6, EventTypes.SessionIdle, 2.8));
    }

    [Fact]
    public async Task Usage_SummedPerBatchThenSessionUpdated_ModelOfTheLaterEventWins()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-p");
        static string NoModel(string usage) => usage.Replace("\"model\":\"m2\",", "", StringComparison.Ordinal);

        // One frame: usage is added up per batch and written once, yet a session.updated after it still has the last word.
        await agent.SendEventsAsync(
            Ev.Make(1, EventTypes.SessionCreated, "ses_u", Created),
            Ev.Make(2, EventTypes.Usage, "ses_u", Usage(100, 10, 0.5, 1000)),
            Ev.Make(3, EventTypes.SessionUpdated, "ses_u", """{"model":"m3"}"""),
            Ev.Make(4, EventTypes.Usage, "ses_u", NoModel(Usage(200, 20, 0.25, 2000))),
            Ev.Make(5, EventTypes.Usage, "ses_u", NoModel(Usage(300, 30, 0.125, 3000))));
        await agent.WaitForAckAsync(5);

        var s = await host.GetDataAsync("/api/v1/sessions/ses_u");
        Assert.Equal("m3", s.GetProperty("model").GetString());
        Assert.Equal((600L, 60L, 3L), (s.GetProperty("tokens").GetProperty("input").GetInt64(), s.GetProperty("tokens").GetProperty("output").GetInt64(),
            s.GetProperty("tokens").GetProperty("reasoning").GetInt64()));
        Assert.Equal(0.875, s.GetProperty("cost_usd").GetDouble(), 9);
        Assert.Equal(3000, s.GetProperty("context_tokens").GetInt64());
    }

    [Fact]
    public async Task RuntimeFields_ActivityAdoptionWorktreeAndRateLimit_Projected()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-r");

        await agent.SendEventsAsync(
            Ev.Make(1, EventTypes.SessionCreated, "ses_r",
                """{"project":"alpha","runtime":"tmux","title":"t","adopted":true,"worktree":"/w/alpha-1","branch":"hal/alpha-1"}"""),
            Ev.Make(2, EventTypes.SessionRunning, "ses_r"));
        await agent.WaitForAckAsync(2);
        var running = await host.GetDataAsync("/api/v1/sessions/ses_r");
        Assert.Equal("working", running.GetProperty("activity_state").GetString());
        Assert.True(running.GetProperty("adopted").GetBoolean());
        Assert.Equal("/w/alpha-1", running.GetProperty("worktree").GetString());
        Assert.Equal("hal/alpha-1", running.GetProperty("branch").GetString());

        await agent.SendEventsAsync(
            Ev.Make(3, EventTypes.SessionActivity, "ses_r", """{"state":"waiting_for_input","detail":"prompt '? '","progress":0.5}"""),
            Ev.Make(4, EventTypes.SessionActivity, "ses_r", """{"state":"dancing"}"""));
        await agent.WaitForAckAsync(4);
        var waiting = await host.GetDataAsync("/api/v1/sessions/ses_r");
        Assert.Equal("waiting_for_input", waiting.GetProperty("activity_state").GetString());
        Assert.Equal("prompt '? '", waiting.GetProperty("activity_detail").GetString());
        Assert.Equal(0.5, waiting.GetProperty("progress").GetDouble(), 6);

        await agent.SendEventsAsync(Ev.Make(5, EventTypes.SessionError, "ses_r",
            """{"error_name":"rate_limit_error","message":"limit","status_code":429,"reset_at":"2026-11-25T14:00:00+00:00"}"""));
        await agent.WaitForAckAsync(5);
        var limited = await host.GetDataAsync("/api/v1/sessions/ses_r");
        Assert.Equal("error", limited.GetProperty("activity_state").GetString());
        Assert.Equal(DateTimeOffset.Parse("2026-11-25T14:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            limited.GetProperty("rate_limit_reset_at").GetDateTimeOffset());

        await agent.SendEventsAsync(Ev.Make(6, EventTypes.SessionRunning, "ses_r"));
        await agent.WaitForAckAsync(6);
        var again = await host.GetDataAsync("/api/v1/sessions/ses_r");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, again.GetProperty("rate_limit_reset_at").ValueKind);
    }

    [Fact]
    public async Task Completed_LaterStatusEvent_StaysCompleted()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-c");

        await agent.SendEventsAsync(
            Ev.Make(1, EventTypes.SessionCreated, "ses_c", Created),
            Ev.Make(2, EventTypes.SessionCompleted, "ses_c"),
            Ev.Make(3, EventTypes.SessionRunning, "ses_c"),
            Ev.Make(4, EventTypes.SessionCreated, "ses_k", Created),
            Ev.Make(5, EventTypes.SessionDeleted, "ses_k"));
        await agent.WaitForAckAsync(5);

        var completed = await host.GetDataAsync("/api/v1/sessions/ses_c");
        Assert.Equal("completed", completed.GetProperty("status").GetString());
        Assert.Equal(Ev.T0.AddSeconds(2), completed.GetProperty("ended_at").GetDateTimeOffset());
        Assert.Equal("killed", (await host.GetDataAsync("/api/v1/sessions/ses_k")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task TaskProgress_BeforeSessionCreated_AppliesToNewSession()
    {
        await using var host = await SupervisorHost.StartAsync();
        await using var agent = await TestAgent.ConnectAsync(host, "node-t");

        await agent.SendEventsAsync(
            Ev.Make(1, EventTypes.TaskProgress, null, """{"project":"alpha","current_task":"Ship","done":2,"total":5}"""),
            Ev.Make(2, EventTypes.SessionCreated, "ses_t", Created),
            Ev.Make(3, EventTypes.MessageDelta, "ses_unknown", """{"message_id":"m","text":"x"}"""));
        await agent.WaitForAckAsync(3);

        var s = await host.GetDataAsync("/api/v1/sessions/ses_t");
        Assert.Equal("Ship", s.GetProperty("current_task").GetString());
        Assert.Equal(5, s.GetProperty("task_total").GetInt64());
        var placeholder = await host.GetDataAsync("/api/v1/sessions/ses_unknown");
        Assert.Equal("node-t", placeholder.GetProperty("node_id").GetString());
    }

    [Fact]
    public async Task Reconnect_SnapshotReconciled_MissingSessionsCompleted()
    {
        await using var host = await SupervisorHost.StartAsync();
        var a = new SessionSnapshot("ses_a", "alpha", RuntimeNames.OpenCode, SessionStatuses.Running, "m", "A", Ev.T0, Ev.T0);
        var b = new SessionSnapshot("ses_b", "alpha", RuntimeNames.OpenCode, SessionStatuses.Idle, "m", "B", Ev.T0, Ev.T0);
        await using (var first = await TestAgent.ConnectAsync(host, "node-s", sessions: [a, b]))
        {
            Assert.Equal("running", (await host.GetDataAsync("/api/v1/sessions/ses_a")).GetProperty("status").GetString());
        }
        await SupervisorHost.WaitUntilAsync(async () =>
            (await host.GetDataAsync("/api/v1/sessions/ses_a")).GetProperty("status").GetString() == "unreachable", "sessions unreachable");

        await using var second = await TestAgent.ConnectAsync(host, "node-s", sessions: [a with { Status = SessionStatuses.Idle }]);

        Assert.Equal("idle", (await host.GetDataAsync("/api/v1/sessions/ses_a")).GetProperty("status").GetString());
        var gone = await host.GetDataAsync("/api/v1/sessions/ses_b");
        Assert.Equal("completed", gone.GetProperty("status").GetString());
        Assert.Equal("no longer reported by the agent", gone.GetProperty("last_error").GetString());
        Assert.Equal(2, (await host.GetDataAsync("/api/v1/events?type=node.online&node_id=node-s")).GetArrayLength());
    }
}
