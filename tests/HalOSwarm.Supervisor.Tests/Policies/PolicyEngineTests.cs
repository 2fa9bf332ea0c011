using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Commands;
using HalOSwarm.Supervisor.Policies;
using static HalOSwarm.Supervisor.Tests.Policies.Sessions;

namespace HalOSwarm.Supervisor.Tests.Policies;

public sealed class PolicyEngineTests
{
    private const string ResumeEvent = "policy.resume_on_idle";

    private static Task<PolicyEngineHarness> ResumeOnIdleAsync(int maxRetries = 2) =>
        PolicyEngineHarness.StartAsync(o =>
        {
            o.ResumeOnIdle.Enabled = true;
            o.ResumeOnIdle.IdleSeconds = 60;
            o.ResumeOnIdle.MaxRetries = maxRetries;
            o.ResumeOnIdle.RetryResetSeconds = 3600;
        });

    [Fact]
    public async Task Tick_IdleSessionPastThreshold_ResumeSubmittedAsPolicyWithKeyAndEventRecorded()
    {
        using var h = await ResumeOnIdleAsync();
        h.Sessions.Set(Idle(since: T0));

        await h.AdvanceAndTickAsync(TimeSpan.FromSeconds(30));
        Assert.Empty(h.Commands.Submissions);
        await h.AdvanceAndTickAsync(TimeSpan.FromSeconds(35));

        var submission = Assert.Single(h.Commands.Submissions);
        Assert.Equal(CommandKinds.Resume, submission.Type);
        Assert.Equal("ses_1", submission.SessionId);
        Assert.Equal("policy:resume_on_idle", submission.Actor);
        Assert.StartsWith("policy:resume_on_idle:ses_1:", submission.IdempotencyKey, StringComparison.Ordinal);
        var recorded = Assert.Single(h.Events.Recorded);
        Assert.Equal(ResumeEvent, recorded.Type);
        Assert.Equal(("node-1", "ses_1"), (recorded.NodeId, recorded.SessionId));
        Assert.Equal("resume", recorded.Data.GetProperty("decision").GetString());
        Assert.Equal("cmd_1", recorded.Data.GetProperty("command_id").GetString());
        Assert.Equal(65, recorded.Data.GetProperty("idle_seconds").GetDouble());
        Assert.Equal(60, recorded.Data.GetProperty("threshold").GetDouble());
        Assert.Equal(1, recorded.Data.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task Tick_SessionWentBusyAfterResume_NotPromptedOnNextTicks()
    {
        using var h = await ResumeOnIdleAsync();
        h.Sessions.Set(Idle(since: T0));
        await h.AdvanceAndTickAsync(TimeSpan.FromSeconds(61));
        h.Commands.FinishAll();

        for (var i = 0; i < 5; i++)
        {
            await h.AdvanceAndTickAsync(TimeSpan.FromSeconds(1));
        }
        h.Sessions.Set(Running(lastActivity: h.Time.GetUtcNow()));
        await h.AdvanceAndTickAsync(TimeSpan.FromSeconds(5));
        h.Sessions.Set(Idle(since: h.Time.GetUtcNow()));
        await h.AdvanceAndTickAsync(TimeSpan.FromSeconds(5));
        await h.AdvanceAndTickAsync(TimeSpan.FromSeconds(5));

        Assert.Single(h.Commands.Submissions);
    }

    [Fact]
    public async Task Tick_ResumedUntilCap_ThenOneCapAlertAndNoMoreResumes()
    {
        using var h = await ResumeOnIdleAsync(maxRetries: 2);
        for (var round = 0; round < 4; round++)
        {
            h.Sessions.Set(Idle(since: h.Time.GetUtcNow()));
            await h.AdvanceAndTickAsync(TimeSpan.FromSeconds(61));
            h.Commands.FinishAll();
            await h.AdvanceAndTickAsync(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(2, h.Commands.Submissions.Count);
        Assert.Equal(["resume", "resume", "cap_reached"], h.Events.Decisions(ResumeEvent));
        Assert.NotEqual(h.Commands.Submissions[0].IdempotencyKey, h.Commands.Submissions[1].IdempotencyKey);
    }

    [Fact]
    public async Task Tick_SessionBusyWhenReReadBeforeSubmit_SkippedAndNothingSent()
    {
        using var h = await ResumeOnIdleAsync();
        h.Sessions.Set(Idle(since: T0));
        h.Sessions.StatusAtSubmit = SessionStatuses.Running;

        await h.AdvanceAndTickAsync(TimeSpan.FromSeconds(61));

        Assert.Empty(h.Commands.Submissions);
        Assert.Equal(["skipped"], h.Events.Decisions(ResumeEvent));
    }

    [Fact]
    public async Task Restart_AfterAResume_StateSurvivesAndSessionIsNotPromptedAgain()
    {
        using var h = await ResumeOnIdleAsync(maxRetries: 1);
        h.Sessions.Set(Idle(since: T0));
        await h.AdvanceAndTickAsync(TimeSpan.FromSeconds(61));
        h.Commands.FinishAll();

        await h.RestartAsync();
        await h.AdvanceAndTickAsync(TimeSpan.FromSeconds(5));
        h.Sessions.Set(Idle(since: h.Time.GetUtcNow()));
        await h.AdvanceAndTickAsync(TimeSpan.FromSeconds(61));

        Assert.Single(h.Commands.Submissions);
        Assert.Equal(["resume", "cap_reached"], h.Events.Decisions(ResumeEvent));
    }

    [Fact]
    public async Task Observe_RateLimitError_ScheduledThenResumedAtResetTime()
    {
        using var h = await PolicyEngineHarness.StartAsync(o =>
        {
            o.ResumeAfterRateLimit.Enabled = true;
            o.ResumeAfterRateLimit.JitterSeconds = 0;
        });
        h.Sessions.Set(Idle(since: T0));

        await h.Engine.ObserveAsync(ResumeAfterRateLimitPolicyTests.Event(EventTypes.SessionError,
            """{"error_name":"APIError","message":"usage limit reached, try again in 10 minutes","status_code":429}""", T0), CancellationToken.None);
        await h.AdvanceAndTickAsync(TimeSpan.FromMinutes(9));
        Assert.Empty(h.Commands.Submissions);
        await h.AdvanceAndTickAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(CommandKinds.Resume, Assert.Single(h.Commands.Submissions).Type);
        Assert.Equal(["scheduled", "resume"], h.Events.Decisions("policy.resume_after_rate_limit"));
        await h.AdvanceAndTickAsync(TimeSpan.FromMinutes(30));
        Assert.Single(h.Commands.Submissions);
    }

    [Fact]
    public async Task Observe_ErrorLoopWithRestartAction_RestartSubmittedAfterThirdErrorUnlessATurnSucceeded()
    {
        using var h = await PolicyEngineHarness.StartAsync(o =>
        {
            o.ErrorLoop.Enabled = true;
            o.ErrorLoop.MaxErrors = 3;
            o.ErrorLoop.Action = ErrorLoopOptions.RestartAction;
        });
        h.Sessions.Set(Idle(since: T0));
        const string error = """{"error_name":"APIError","message":"boom","status_code":500}""";
        var id = 1;
        async Task SendAsync(string type, string data) =>
            await h.Engine.ObserveAsync(ResumeAfterRateLimitPolicyTests.Event(type, data, T0, id: id++), CancellationToken.None);

        await SendAsync(EventTypes.SessionError, error);
        await SendAsync(EventTypes.SessionError, error);
        await SendAsync(EventTypes.Usage, """{"message_id":"m1","tokens":{"output":12}}""");
        await SendAsync(EventTypes.SessionError, error);
        await SendAsync(EventTypes.SessionError, error);
        await h.AdvanceAndTickAsync(TimeSpan.FromSeconds(5));
        Assert.Empty(h.Commands.Submissions);

        await SendAsync(EventTypes.SessionError, error);
        await h.AdvanceAndTickAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(CommandKinds.Restart, Assert.Single(h.Commands.Submissions).Type);
        Assert.Equal("policy:error_loop", h.Commands.Submissions[0].Actor);
        Assert.Equal(3, Assert.Single(h.Events.Of("policy.error_loop")).GetProperty("consecutive_errors").GetInt32());
    }

    [Fact]
    public async Task Tick_DailyCostOverLimit_KillsNonCriticalSessionsOnly()
    {
        using var h = await PolicyEngineHarness.StartAsync(o =>
        {
            o.KillOnCost.Enabled = true;
            o.KillOnCost.DailyLimitUsd = 10;
            o.KillOnCost.CriticalProjects = ["core"];
        });
        h.Sessions.Set(Running("ses_core", project: "core") with { CostUsd = 8 });
        h.Sessions.Set(Running("ses_web", project: "web") with { CostUsd = 3 });
        h.Sessions.DailyCost = 11;

        await h.AdvanceAndTickAsync(TimeSpan.FromSeconds(5));
        await h.AdvanceAndTickAsync(TimeSpan.FromSeconds(5));

        var kill = Assert.Single(h.Commands.Submissions);
        Assert.Equal((CommandTypes.Kill, "ses_web", "policy:kill_on_cost"), (kill.Type, kill.SessionId, kill.Actor));
        var recorded = Assert.Single(h.Events.Of("policy.kill_on_cost"));
        Assert.Equal(11, recorded.GetProperty("daily_cost_usd").GetDouble());
        Assert.Equal(10, recorded.GetProperty("limit_usd").GetDouble());
    }

    [Fact]
    public async Task Tick_StuckWithAbortResume_AbortsThenResumesWhenIdle()
    {
        using var h = await PolicyEngineHarness.StartAsync(o =>
        {
            o.Stuck.Enabled = true;
            o.Stuck.StuckSeconds = 120;
            o.Stuck.Action = StuckOptions.AbortResumeAction;
        });
        h.Sessions.Set(Running(lastActivity: T0));

        await h.AdvanceAndTickAsync(TimeSpan.FromSeconds(125));
        h.Commands.FinishAll();
        h.Sessions.Set(Idle(since: h.Time.GetUtcNow()));
        await h.AdvanceAndTickAsync(TimeSpan.FromSeconds(5));
        h.Commands.FinishAll();
        await h.AdvanceAndTickAsync(TimeSpan.FromSeconds(5));

        Assert.Equal([CommandTypes.Abort, CommandKinds.Resume], h.Commands.Submissions.Select(s => s.Type));
        Assert.Equal(["abort", "resume"], h.Events.Decisions("policy.stuck"));
    }
}
