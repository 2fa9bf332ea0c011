using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Commands;
using HalOSwarm.Supervisor.Events;
using HalOSwarm.Supervisor.Policies;
using static HalOSwarm.Supervisor.Tests.Policies.Sessions;

namespace HalOSwarm.Supervisor.Tests.Policies;

public sealed class ResumeAfterRateLimitPolicyTests
{
    private readonly ResumeAfterRateLimitPolicy _policy = new(new ResumeAfterRateLimitOptions
    {
        Enabled = true, DefaultBackoffSeconds = 900, JitterSeconds = 30, MaxRetries = 2,
    });

    private readonly PolicyState _state = new(PolicyNames.ResumeAfterRateLimit, "ses_1");

    internal static StoredEvent Event(string type, string data, DateTimeOffset ts, string sessionId = "ses_1", long id = 1) =>
        new(id, "node-1", id, type, sessionId, ts, data);

    private bool Observe(string type, string data, DateTimeOffset ts)
    {
        using var document = JsonDocument.Parse(data);
        return _policy.Observe(Event(type, data, ts), document.RootElement, _state);
    }

    [Fact]
    public void Error429WithResetInMessage_ResumedAtResetPlusStableJitter()
    {
        Assert.True(Observe(EventTypes.SessionError, """{"error_name":"APIError","message":"Rate limited: try again in 20 minutes","status_code":429}""", T0));
        var jitter = _policy.Jitter("ses_1");
        Assert.InRange(jitter, TimeSpan.Zero, TimeSpan.FromSeconds(30));
        Assert.Equal(T0.AddMinutes(20) + jitter, _state.ResumeAt);

        Assert.Null(_policy.Decide(Idle(since: T0), _state, T0.AddMinutes(20) + jitter - TimeSpan.FromSeconds(1)));
        var decision = _policy.Decide(Idle(since: T0), _state, T0.AddMinutes(20) + jitter);
        Assert.Equal(CommandKinds.Resume, decision?.CommandType);
        ((IPolicy)_policy).Applied(decision!, _state, T0.AddMinutes(21));
        Assert.Null(_state.ResumeAt);
    }

    [Fact]
    public void Error429WithResetAtField_ResumedThen()
    {
        Assert.True(Observe(EventTypes.SessionError,
            """{"error_name":"rate_limit_error","message":"usage limit reached","status_code":429,"reset_at":"2026-11-25T12:30:00+00:00"}""", T0));

        Assert.Equal(DateTimeOffset.Parse("2026-11-25T12:30:00Z", System.Globalization.CultureInfo.InvariantCulture) + _policy.Jitter("ses_1"), _state.ResumeAt);
    }

    [Fact]
    public void Error429WithoutResetTime_DefaultBackoff()
    {
        Observe(EventTypes.SessionError, """{"error_name":"APIError","message":"Too Many Requests","status_code":429}""", T0);

        Assert.Equal(T0.AddSeconds(900) + _policy.Jitter("ses_1"), _state.ResumeAt);
    }

    [Fact]
    public void RetryAnnouncedNextAttempt_UsedWhenTheSessionThenStops()
    {
        Assert.False(Observe(EventTypes.SessionRetry, """{"attempt":3,"message":"overloaded","next_attempt_at":"2026-11-25T12:07:00+00:00"}""", T0));
        Assert.Null(_state.ResumeAt);

        Observe(EventTypes.SessionError, """{"error_name":"APIError","message":"rate limit","status_code":429}""", T0.AddMinutes(1));

        Assert.Equal(T0.AddMinutes(7) + _policy.Jitter("ses_1"), _state.ResumeAt);
    }

    [Fact]
    public void OtherError_NotScheduled() =>
        Assert.False(Observe(EventTypes.SessionError, """{"error_name":"APIError","message":"bad request","status_code":400}""", T0));

    [Fact]
    public void SessionBusyAtResetTime_SkippedAndForgotten()
    {
        _state.ResumeAt = T0;

        var decision = _policy.Decide(Running(), _state, T0.AddSeconds(1));

        Assert.Equal(PolicyDecisions.Skipped, decision?.Decision);
        Assert.Null(decision?.CommandType);
    }

    [Fact]
    public void Jitter_DiffersAcrossSessions() =>
        Assert.NotEqual(_policy.Jitter("ses_1"), _policy.Jitter("ses_2"));
}
