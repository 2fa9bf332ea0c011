using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Commands;

namespace HalOSwarm.Supervisor.Policies;

/// <summary>
/// A running session with no event for <c>stuck_seconds</c> is stuck: alert once per stall, or abort its turn and resume
/// it as soon as it is idle (<c>abort_resume</c>).
/// </summary>
internal sealed class StuckPolicy(StuckOptions options) : ISessionPolicy
{
    public string Name => PolicyNames.Stuck;

    public PolicyRuleOptions Rule => options;

    public PolicyDecision? Decide(PolicySession session, PolicyState state, DateTimeOffset now)
    {
        if (state.PendingCommandId is not null)
        {
            return null;
        }
        if (state.ResumeAt is not null && session.IsQuiet)
        {
            var resume = new PolicyEventData(Name, PolicyDecisions.Resume, "the stuck turn was aborted; resuming the now idle session")
            {
                Project = session.Project,
                Attempts = state.Attempts,
                MaxRetries = options.MaxRetries,
            };
            return new PolicyDecision(resume, CommandKinds.Resume, CountsAttempt: false);
        }
        if (session.Status != SessionStatuses.Running)
        {
            return null;
        }
        state.ResetIfQuiet(now, options.RetryReset);
        var quiet = now - session.LastActivityAt;
        if (quiet < options.StuckThreshold || state.LastInterventionAt >= session.LastActivityAt)
        {
            // Not stuck, or this stall was already handled.
            return null;
        }
        var abort = options.Action == StuckOptions.AbortResumeAction;
        var facts = new PolicyEventData(Name, abort ? PolicyDecisions.Abort : PolicyDecisions.Alert,
            $"running with no event for {PolicyCap.Seconds(quiet)} s, threshold {options.StuckSeconds} s")
        {
            Project = session.Project,
            QuietSeconds = PolicyCap.Seconds(quiet),
            Threshold = options.StuckSeconds,
            Attempts = state.Attempts + 1,
            MaxRetries = options.MaxRetries,
        };
        if (PolicyCap.Reached(state, options, facts, out var alert))
        {
            return alert;
        }
        return new PolicyDecision(facts, abort ? CommandTypes.Abort : null);
    }

    public void Applied(PolicyDecision decision, PolicyState state, DateTimeOffset now) =>
        state.ResumeAt = decision.Decision == PolicyDecisions.Abort ? now : null;
}
