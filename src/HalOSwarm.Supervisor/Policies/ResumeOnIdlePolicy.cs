using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Commands;

namespace HalOSwarm.Supervisor.Policies;

/// <summary>
/// Resumes a session idle for longer than <c>idle_seconds</c>. The idle clock runs from the session's latest idle
/// transition, never from the resume: a resumed session that worked and went idle again waits a full threshold, and one
/// that has not reacted yet is left alone for a full threshold after the resume.
/// </summary>
internal sealed class ResumeOnIdlePolicy(ResumeOnIdleOptions options) : ISessionPolicy
{
    public string Name => PolicyNames.ResumeOnIdle;

    public PolicyRuleOptions Rule => options;

    public PolicyDecision? Decide(PolicySession session, PolicyState state, DateTimeOffset now)
    {
        if (session.Status != SessionStatuses.Idle || state.PendingCommandId is not null)
        {
            return null;
        }
        state.ResetIfQuiet(now, options.RetryReset);
        var idleSince = session.LastActivityAt;
        var idle = now - idleSince;
        if (idle < options.IdleThreshold)
        {
            return null;
        }
        if (state.LastInterventionAt is { } last && last >= idleSince && now - last < options.IdleThreshold)
        {
            // Resumed during this idle period and the session has not reacted yet.
            return null;
        }
        var facts = new PolicyEventData(Name, PolicyDecisions.Resume,
            $"idle for {PolicyCap.Seconds(idle)} s, threshold {options.IdleSeconds} s")
        {
            Project = session.Project,
            IdleSeconds = PolicyCap.Seconds(idle),
            Threshold = options.IdleSeconds,
            Attempts = state.Attempts + 1,
            MaxRetries = options.MaxRetries,
        };
        if (PolicyCap.Reached(state, options, facts, out var alert))
        {
            return alert;
        }
        return new PolicyDecision(facts, CommandKinds.Resume);
    }
}
