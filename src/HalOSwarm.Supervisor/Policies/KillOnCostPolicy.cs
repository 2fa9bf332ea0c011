using HalOSwarm.Protocol;

namespace HalOSwarm.Supervisor.Policies;

/// <summary>
/// Stops spending. A session whose cost reaches <c>session_limit_usd</c> is killed (any project). When the day's total
/// (UTC) reaches <c>daily_limit_usd</c>, every live session of a non-critical project is killed, most expensive first;
/// sessions of <c>critical_projects</c> keep running until the day's total reaches <c>critical_daily_limit_usd</c>
/// (0: never for the day's total). With <c>action: alert</c> each session is reported once per window instead.
/// </summary>
internal sealed class KillOnCostPolicy(KillOnCostOptions options) : IPolicy
{
    public string Name => PolicyNames.KillOnCost;

    public PolicyRuleOptions Rule => options;

    public bool IsCritical(string? project) => project is not null && options.CriticalProjects.Contains(project, StringComparer.Ordinal);

    public IReadOnlyList<(PolicySession Session, PolicyDecision Decision)> Decide(
        IReadOnlyList<PolicySession> sessions, double dailyCostUsd, Func<string, PolicyState> stateOf, DateTimeOffset now)
    {
        var overDaily = options.DailyLimitUsd > 0 && dailyCostUsd >= options.DailyLimitUsd;
        var overCriticalDaily = options.CriticalDailyLimitUsd > 0 && dailyCostUsd >= options.CriticalDailyLimitUsd;
        var decisions = new List<(PolicySession, PolicyDecision)>();
        var candidates = sessions
            .Where(s => !s.IsTerminal)
            .OrderBy(s => IsCritical(s.Project))
            .ThenByDescending(s => s.CostUsd);
        foreach (var session in candidates)
        {
            var critical = IsCritical(session.Project);
            var overSession = options.SessionLimitUsd > 0 && session.CostUsd >= options.SessionLimitUsd;
            var byDaily = overDaily && (!critical || overCriticalDaily);
            if (!overSession && !byDaily)
            {
                continue;
            }
            var state = stateOf(session.SessionId);
            if (state.PendingCommandId is not null)
            {
                continue;
            }
            state.ResetIfQuiet(now, options.RetryReset);
            var kill = options.Action == KillOnCostOptions.KillAction;
            var reason = overSession
                ? $"session cost ${session.CostUsd:0.####} reached the session limit ${options.SessionLimitUsd:0.####}"
                : $"today's total ${dailyCostUsd:0.####} reached the {(critical ? "critical " : "")}daily limit "
                  + $"${(critical ? options.CriticalDailyLimitUsd : options.DailyLimitUsd):0.####}";
            var facts = new PolicyEventData(Name, kill ? PolicyDecisions.Kill : PolicyDecisions.Alert, reason)
            {
                Project = session.Project,
                CostUsd = Math.Round(session.CostUsd, 6),
                DailyCostUsd = Math.Round(dailyCostUsd, 6),
                LimitUsd = overSession ? options.SessionLimitUsd : critical ? options.CriticalDailyLimitUsd : options.DailyLimitUsd,
                Critical = critical,
                Attempts = state.Attempts + 1,
                MaxRetries = options.MaxRetries,
                Status = session.Status,
            };
            if (!kill)
            {
                // An alert is one per session per window.
                if (state.Attempts == 0)
                {
                    decisions.Add((session, new PolicyDecision(facts, null)));
                }
                continue;
            }
            if (PolicyCap.Reached(state, options, facts, out var alert))
            {
                if (alert is not null)
                {
                    decisions.Add((session, alert));
                }
                continue;
            }
            decisions.Add((session, new PolicyDecision(facts, CommandTypes.Kill)));
        }
        return decisions;
    }
}
