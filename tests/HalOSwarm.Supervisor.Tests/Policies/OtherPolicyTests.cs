using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Commands;
using HalOSwarm.Supervisor.Policies;
using static HalOSwarm.Supervisor.Tests.Policies.Sessions;

namespace HalOSwarm.Supervisor.Tests.Policies;

public sealed class OtherPolicyTests
{
    [Fact]
    public void RestartOnCompaction_CompactionsAtLimitAndIdle_Restart()
    {
        var policy = new RestartOnCompactionPolicy(new RestartOnCompactionOptions { Enabled = true, MaxCompactions = 3 });
        var state = new PolicyState(PolicyNames.RestartOnCompaction, "ses_1");

        Assert.Null(policy.Decide(Idle() with { CompactionCount = 2 }, state, T0));
        Assert.Null(policy.Decide(Running() with { CompactionCount = 3 }, state, T0));
        var decision = policy.Decide(Idle() with { CompactionCount = 3 }, state, T0);

        Assert.Equal(CommandKinds.Restart, decision?.CommandType);
        Assert.Equal(3, decision?.Event.CompactionCount);
    }

    [Fact]
    public void RestartOnCompaction_ContextTokensOverLimit_RestartThenCapAfterMaxRetries()
    {
        var policy = new RestartOnCompactionPolicy(new RestartOnCompactionOptions { Enabled = true, MaxCompactions = 0, MaxContextTokens = 1000 });
        var state = new PolicyState(PolicyNames.RestartOnCompaction, "ses_1");
        var session = Idle() with { ContextTokens = 1500 };

        Assert.Equal(PolicyDecisions.Restart, policy.Decide(session, state, T0)?.Decision);
        state.Intervened(T0);
        Assert.Equal(PolicyDecisions.CapReached, policy.Decide(session, state, T0.AddSeconds(5))?.Decision);
    }

    [Fact]
    public void ErrorLoop_ConsecutiveErrorsAtThreshold_AlertThenCountClearedWhenApplied()
    {
        var policy = new ErrorLoopPolicy(new ErrorLoopOptions { Enabled = true, MaxErrors = 3 });
        var state = new PolicyState(PolicyNames.ErrorLoop, "ses_1") { ConsecutiveErrors = 2 };

        Assert.Null(policy.Decide(Idle(), state, T0));
        state.ConsecutiveErrors = 3;
        var decision = policy.Decide(Idle(), state, T0);
        Assert.Equal(PolicyDecisions.Alert, decision?.Decision);
        Assert.Null(decision?.CommandType);
        ((IPolicy)policy).Applied(decision!, state, T0);
        Assert.Equal(0, state.ConsecutiveErrors);
    }

    [Fact]
    public void ErrorLoop_RestartAction_WaitsForIdleThenRestarts()
    {
        var policy = new ErrorLoopPolicy(new ErrorLoopOptions { Enabled = true, MaxErrors = 2, Action = ErrorLoopOptions.RestartAction });
        var state = new PolicyState(PolicyNames.ErrorLoop, "ses_1") { ConsecutiveErrors = 2 };

        Assert.Null(policy.Decide(Running(), state, T0));
        Assert.Equal(CommandKinds.Restart, policy.Decide(Idle(), state, T0)?.CommandType);
    }

    [Fact]
    public void Stuck_RunningWithoutEventsPastThreshold_AlertOncePerStall()
    {
        var policy = new StuckPolicy(new StuckOptions { Enabled = true, StuckSeconds = 300 });
        var state = new PolicyState(PolicyNames.Stuck, "ses_1");

        Assert.Null(policy.Decide(Running(lastActivity: T0), state, T0.AddSeconds(299)));
        var decision = policy.Decide(Running(lastActivity: T0), state, T0.AddSeconds(300));
        Assert.Equal(PolicyDecisions.Alert, decision?.Decision);
        Assert.Equal(300, decision?.Event.QuietSeconds);
        state.Intervened(T0.AddSeconds(300));

        Assert.Null(policy.Decide(Running(lastActivity: T0), state, T0.AddSeconds(900)));
        Assert.Equal(PolicyDecisions.Alert, policy.Decide(Running(lastActivity: T0.AddSeconds(1000)), state, T0.AddSeconds(1300))?.Decision);
    }

    [Fact]
    public void Stuck_AbortResume_AbortsThenResumesOnceIdleWithoutCountingTwice()
    {
        var policy = new StuckPolicy(new StuckOptions { Enabled = true, StuckSeconds = 300, Action = StuckOptions.AbortResumeAction });
        var state = new PolicyState(PolicyNames.Stuck, "ses_1");

        var abort = policy.Decide(Running(lastActivity: T0), state, T0.AddSeconds(400));
        Assert.Equal(CommandTypes.Abort, abort?.CommandType);
        state.Intervened(T0.AddSeconds(400));
        ((IPolicy)policy).Applied(abort!, state, T0.AddSeconds(400));

        Assert.Null(policy.Decide(Running(lastActivity: T0), state, T0.AddSeconds(405)));
        var resume = policy.Decide(Idle(since: T0.AddSeconds(406)), state, T0.AddSeconds(410));
        Assert.Equal(CommandKinds.Resume, resume?.CommandType);
        Assert.False(resume?.CountsAttempt);
        ((IPolicy)policy).Applied(resume!, state, T0.AddSeconds(410));
        Assert.Null(policy.Decide(Idle(since: T0.AddSeconds(406)), state, T0.AddSeconds(415)));
    }

    [Fact]
    public void KillOnCost_SessionOverLimit_KillsThatSessionOnly()
    {
        var policy = new KillOnCostPolicy(new KillOnCostOptions { Enabled = true, SessionLimitUsd = 5 });
        var states = new Dictionary<string, PolicyState>();
        PolicyState StateOf(string id) => states.TryGetValue(id, out var s) ? s : states[id] = new PolicyState(PolicyNames.KillOnCost, id);

        var decisions = policy.Decide([Running("ses_a") with { CostUsd = 5.5 }, Running("ses_b") with { CostUsd = 1 }], 0, StateOf, T0);

        var (session, decision) = Assert.Single(decisions);
        Assert.Equal("ses_a", session.SessionId);
        Assert.Equal(CommandTypes.Kill, decision.CommandType);
        Assert.Equal(5.5, decision.Event.CostUsd);
        Assert.Equal(5, decision.Event.LimitUsd);
    }

    [Fact]
    public void KillOnCost_DailyLimit_KillsNonCriticalMostExpensiveFirstAndCriticalOnlyAtCriticalLimit()
    {
        var options = new KillOnCostOptions { Enabled = true, DailyLimitUsd = 10, CriticalDailyLimitUsd = 20, CriticalProjects = ["core"] };
        var policy = new KillOnCostPolicy(options);
        PolicySession[] sessions =
        [
            Running("ses_core", project: "core") with { CostUsd = 9 },
            Running("ses_cheap", project: "web") with { CostUsd = 1 },
            Idle("ses_dear", project: "docs") with { CostUsd = 3 },
        ];

        var atDaily = policy.Decide(sessions, 12, id => new PolicyState(PolicyNames.KillOnCost, id), T0);
        Assert.Equal(["ses_dear", "ses_cheap"], atDaily.Select(d => d.Session.SessionId));
        Assert.All(atDaily, d => Assert.False(d.Decision.Event.Critical));

        var atCritical = policy.Decide(sessions, 20, id => new PolicyState(PolicyNames.KillOnCost, id), T0);
        Assert.Equal(["ses_dear", "ses_cheap", "ses_core"], atCritical.Select(d => d.Session.SessionId));
        Assert.True(atCritical[^1].Decision.Event.Critical);
    }

    [Fact]
    public void KillOnCost_AlertAction_OncePerSessionPerWindow()
    {
        var policy = new KillOnCostPolicy(new KillOnCostOptions { Enabled = true, SessionLimitUsd = 1, Action = KillOnCostOptions.AlertAction, RetryResetSeconds = 60 });
        var state = new PolicyState(PolicyNames.KillOnCost, "ses_1");
        PolicySession[] sessions = [Running() with { CostUsd = 2 }];

        var first = Assert.Single(policy.Decide(sessions, 0, _ => state, T0));
        Assert.Equal(PolicyDecisions.Alert, first.Decision.Decision);
        Assert.Null(first.Decision.CommandType);
        state.Intervened(T0);
        Assert.Empty(policy.Decide(sessions, 0, _ => state, T0.AddSeconds(30)));
        Assert.Single(policy.Decide(sessions, 0, _ => state, T0.AddSeconds(60)));
    }
}
