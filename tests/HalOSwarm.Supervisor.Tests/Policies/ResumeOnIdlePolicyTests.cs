using HalOSwarm.Supervisor.Commands;
using HalOSwarm.Supervisor.Policies;
using static HalOSwarm.Supervisor.Tests.Policies.Sessions;

namespace HalOSwarm.Supervisor.Tests.Policies;

public sealed class ResumeOnIdlePolicyTests
{
    private static readonly ResumeOnIdleOptions s_options = new() { Enabled = true, IdleSeconds = 60, MaxRetries = 2, RetryResetSeconds = 600 };
    private readonly ResumeOnIdlePolicy _policy = new(s_options);
    private readonly PolicyState _state = new(PolicyNames.ResumeOnIdle, "ses_1");

    [Fact]
    public void Decide_IdleShorterThanThreshold_Nothing() =>
        Assert.Null(_policy.Decide(Idle(since: T0), _state, T0.AddSeconds(59)));

    [Fact]
    public void Decide_IdleLongerThanThreshold_ResumeWithNumbers()
    {
        var decision = _policy.Decide(Idle(since: T0), _state, T0.AddSeconds(61));

        Assert.NotNull(decision);
        Assert.Equal(CommandKinds.Resume, decision.CommandType);
        Assert.Equal(PolicyDecisions.Resume, decision.Decision);
        Assert.Equal(61, decision.Event.IdleSeconds);
        Assert.Equal(60, decision.Event.Threshold);
        Assert.Equal(1, decision.Event.Attempts);
    }

    [Fact]
    public void Decide_BusySession_Nothing() =>
        Assert.Null(_policy.Decide(Running(lastActivity: T0), _state, T0.AddHours(1)));

    [Fact]
    public void Decide_NextTickAfterResume_SessionNotReactedYet_NotPromptedAgain()
    {
        _state.Intervened(T0.AddSeconds(61));

        Assert.Null(_policy.Decide(Idle(since: T0), _state, T0.AddSeconds(66)));
        Assert.Null(_policy.Decide(Idle(since: T0), _state, T0.AddSeconds(120)));
    }

    [Fact]
    public void Decide_SessionWentBusyAfterResume_ClockRunsFromItsNewIdleTransition()
    {
        _state.Intervened(T0.AddSeconds(61));
        Assert.Null(_policy.Decide(Running(lastActivity: T0.AddSeconds(62)), _state, T0.AddSeconds(66)));

        var idleAgain = Idle(since: T0.AddSeconds(90));
        Assert.Null(_policy.Decide(idleAgain, _state, T0.AddSeconds(95)));
        Assert.Null(_policy.Decide(idleAgain, _state, T0.AddSeconds(149)));
        var decision = _policy.Decide(idleAgain, _state, T0.AddSeconds(150));
        Assert.Equal(PolicyDecisions.Resume, decision?.Decision);
        Assert.Equal(2, decision?.Event.Attempts);
    }

    [Fact]
    public void Decide_NoReactionForAFullThresholdAfterResume_ResumesAgain()
    {
        _state.Intervened(T0.AddSeconds(61));

        Assert.Equal(PolicyDecisions.Resume, _policy.Decide(Idle(since: T0), _state, T0.AddSeconds(121))?.Decision);
    }

    [Fact]
    public void Decide_AtCap_CapReachedOnceThenNothing()
    {
        _state.Intervened(T0.AddSeconds(61));
        _state.Intervened(T0.AddSeconds(200));
        var idle = Idle(since: T0.AddSeconds(300));

        var cap = _policy.Decide(idle, _state, T0.AddSeconds(400));
        Assert.Equal(PolicyDecisions.CapReached, cap?.Decision);
        Assert.Null(cap?.CommandType);
        Assert.Equal(2, cap?.Event.Attempts);
        _state.CapAlerted = true;

        Assert.Null(_policy.Decide(idle, _state, T0.AddSeconds(500)));
        Assert.Null(_policy.Decide(idle, _state, T0.AddSeconds(700)));
    }

    [Fact]
    public void Decide_ResetWindowPassedWithoutIntervention_CountStartsAgain()
    {
        _state.Intervened(T0.AddSeconds(61));
        _state.Intervened(T0.AddSeconds(200));
        _state.CapAlerted = true;
        var idle = Idle(since: T0.AddSeconds(300));

        Assert.Null(_policy.Decide(idle, _state, T0.AddSeconds(799)));
        var decision = _policy.Decide(idle, _state, T0.AddSeconds(800));

        Assert.Equal(PolicyDecisions.Resume, decision?.Decision);
        Assert.Equal(1, decision?.Event.Attempts);
        Assert.Equal(0, _state.Attempts);
        Assert.False(_state.CapAlerted);
    }

    [Fact]
    public void Decide_CommandStillPending_Nothing()
    {
        _state.PendingCommandId = "cmd_1";

        Assert.Null(_policy.Decide(Idle(since: T0), _state, T0.AddHours(1)));
    }
}
