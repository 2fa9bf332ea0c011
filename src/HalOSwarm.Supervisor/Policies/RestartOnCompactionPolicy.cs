using HalOSwarm.Supervisor.Commands;

namespace HalOSwarm.Supervisor.Policies;

/// <summary>
/// Restarts with handover a session whose context was compacted <c>max_compactions</c> times or has grown to
/// <c>max_context_tokens</c>. The handover starts with a prompt, so it waits until the session is idle.
/// </summary>
internal sealed class RestartOnCompactionPolicy(RestartOnCompactionOptions options) : ISessionPolicy
{
    public string Name => PolicyNames.RestartOnCompaction;

    public PolicyRuleOptions Rule => options;

    public PolicyDecision? Decide(PolicySession session, PolicyState state, DateTimeOffset now)
    {
        if (!session.IsQuiet || state.PendingCommandId is not null)
        {
            return null;
        }
        state.ResetIfQuiet(now, options.RetryReset);
        var byCompactions = options.MaxCompactions > 0 && session.CompactionCount >= options.MaxCompactions;
        var byTokens = options.MaxContextTokens > 0 && session.ContextTokens >= options.MaxContextTokens;
        if (!byCompactions && !byTokens)
        {
            return null;
        }
        var reason = byCompactions
            ? $"context compacted {session.CompactionCount} times, limit {options.MaxCompactions}"
            : $"context at {session.ContextTokens} tokens, limit {options.MaxContextTokens}";
        var facts = new PolicyEventData(Name, PolicyDecisions.Restart, reason)
        {
            Project = session.Project,
            CompactionCount = session.CompactionCount,
            ContextTokens = session.ContextTokens,
            Threshold = byCompactions ? options.MaxCompactions : options.MaxContextTokens,
            Attempts = state.Attempts + 1,
            MaxRetries = options.MaxRetries,
        };
        if (PolicyCap.Reached(state, options, facts, out var alert))
        {
            return alert;
        }
        return new PolicyDecision(facts, CommandKinds.Restart);
    }
}
