using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Commands;
using HalOSwarm.Supervisor.Events;

namespace HalOSwarm.Supervisor.Policies;

/// <summary>
/// A session stopped by a provider limit (a <c>session.error</c> with status 429 or a limit message) is resumed at the
/// reset time the provider gave (in the error, or in an earlier <c>session.retry</c>'s next attempt or message), else
/// after <c>default_backoff_seconds</c>; plus a stable per-session offset below <c>jitter_seconds</c> so that a fleet
/// hitting one limit does not come back all at once. While the runtime itself retries, nothing is done.
/// </summary>
internal sealed class ResumeAfterRateLimitPolicy(ResumeAfterRateLimitOptions options) : ISessionPolicy
{
    public string Name => PolicyNames.ResumeAfterRateLimit;

    public PolicyRuleOptions Rule => options;

    /// <summary>Updates the state from one of the session's events; true when it scheduled a resume.</summary>
    public bool Observe(StoredEvent stored, JsonElement data, PolicyState state)
    {
        switch (stored.Type)
        {
            case EventTypes.SessionRetry:
                var message = JsonData.String(data, "message");
                if (RateLimitParser.TryParseReset(message, stored.Ts, out var announced))
                {
                    state.LimitResetAt = announced;
                }
                else if (JsonData.String(data, "next_attempt_at") is { } next && DateTimeOffset.TryParse(next, System.Globalization.CultureInfo.InvariantCulture, out var at))
                {
                    state.LimitResetAt = at;
                }
                return false;
            case EventTypes.SessionError:
                var text = JsonData.String(data, "message");
                if (!RateLimitParser.IsRateLimit((int)JsonData.Long(data, "status_code"), text))
                {
                    return false;
                }
                // The runtime's own reset time first (reset_at), then one in the message, then what a retry announced.
                var reset = JsonData.String(data, "reset_at") is { } resetAt
                    && DateTimeOffset.TryParse(resetAt, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var given)
                    ? given
                    : RateLimitParser.TryParseReset(text, stored.Ts, out var parsed) ? parsed
                    : state.LimitResetAt is { } hinted && hinted > stored.Ts ? hinted
                    : stored.Ts.AddSeconds(options.DefaultBackoffSeconds);
                var latest = stored.Ts.AddSeconds(options.MaxWaitSeconds);
                state.ResumeAt = (reset > latest ? latest : reset) + Jitter(stored.SessionId!);
                state.LimitResetAt = null;
                return true;
            case EventTypes.Usage when ErrorLoopPolicy.IsSuccessfulTurn(data):
                state.ResumeAt = null;
                state.LimitResetAt = null;
                return false;
            default:
                return false;
        }
    }

    public PolicyDecision? Decide(PolicySession session, PolicyState state, DateTimeOffset now)
    {
        if (state.ResumeAt is not { } due || now < due || state.PendingCommandId is not null)
        {
            return null;
        }
        var facts = new PolicyEventData(Name, PolicyDecisions.Resume, $"provider limit reset time {due:u} reached")
        {
            Project = session.Project,
            ResumeAt = due,
            Attempts = state.Attempts + 1,
            MaxRetries = options.MaxRetries,
            Status = session.Status,
        };
        if (session.IsBusy)
        {
            return new PolicyDecision(facts with { Decision = PolicyDecisions.Skipped, Reason = "the session is already working again" },
                CommandType: null, CountsAttempt: false);
        }
        if (!session.IsQuiet)
        {
            return null;
        }
        state.ResetIfQuiet(now, options.RetryReset);
        if (PolicyCap.Reached(state, options, facts, out var alert))
        {
            return alert ?? new PolicyDecision(facts with { Decision = PolicyDecisions.Skipped, Reason = "retry cap reached" }, null, CountsAttempt: false);
        }
        return new PolicyDecision(facts, CommandKinds.Resume);
    }

    public void Applied(PolicyDecision decision, PolicyState state, DateTimeOffset now) => state.ResumeAt = null;

    /// <summary>A stable offset in [0, jitter_seconds) per session: the same after a restart, different across sessions.</summary>
    public TimeSpan Jitter(string sessionId)
    {
        if (options.JitterSeconds == 0)
        {
            return TimeSpan.Zero;
        }
        var hash = 2166136261u;
        foreach (var c in sessionId)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return TimeSpan.FromMilliseconds(hash % ((uint)options.JitterSeconds * 1000u));
    }
}
