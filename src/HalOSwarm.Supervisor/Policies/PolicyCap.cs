namespace HalOSwarm.Supervisor.Policies;

/// <summary>The retry cap every policy shares: at the cap, one <c>cap_reached</c> alert per window, then silence.</summary>
internal static class PolicyCap
{
    /// <summary>True when the cap is reached; <paramref name="alert"/> is the alert to record, or null when it was already recorded.</summary>
    public static bool Reached(PolicyState state, PolicyRuleOptions rule, PolicyEventData facts, out PolicyDecision? alert)
    {
        alert = null;
        if (state.Attempts < rule.MaxRetries)
        {
            return false;
        }
        if (!state.CapAlerted)
        {
            alert = new PolicyDecision(
                facts with
                {
                    Decision = PolicyDecisions.CapReached,
                    Reason = $"{facts.Reason}, but the policy already acted {state.Attempts} times (max_retries {rule.MaxRetries}); "
                        + $"it stops until {rule.RetryResetSeconds} s pass without an intervention",
                    Attempts = state.Attempts,
                    MaxRetries = rule.MaxRetries,
                },
                CommandType: null,
                CountsAttempt: false);
        }
        return true;
    }

    public static double Seconds(TimeSpan span) => Math.Round(span.TotalSeconds, 1);
}
