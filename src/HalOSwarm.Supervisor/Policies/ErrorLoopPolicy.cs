using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Commands;
using HalOSwarm.Supervisor.Events;

namespace HalOSwarm.Supervisor.Policies;

/// <summary>
/// Counts consecutive <c>session.error</c>s (a <c>usage</c> with output tokens is a successful turn and clears the count;
/// aborts and rate limits are not counted: they have their own handling) and at <c>max_errors</c> alerts, or restarts
/// with handover once the session is idle.
/// </summary>
internal sealed class ErrorLoopPolicy(ErrorLoopOptions options) : ISessionPolicy
{
    public const string AbortedErrorName = "MessageAbortedError";

    public string Name => PolicyNames.ErrorLoop;

    public PolicyRuleOptions Rule => options;

    public static void Observe(StoredEvent stored, JsonElement data, PolicyState state)
    {
        if (stored.Type == EventTypes.SessionError)
        {
            var name = JsonData.String(data, "error_name");
            var statusCode = (int)JsonData.Long(data, "status_code");
            if (name != AbortedErrorName && !RateLimitParser.IsRateLimit(statusCode, JsonData.String(data, "message")))
            {
                state.ConsecutiveErrors++;
            }
        }
        else if (stored.Type == EventTypes.Usage && IsSuccessfulTurn(data))
        {
            state.ConsecutiveErrors = 0;
        }
    }

    public static bool IsSuccessfulTurn(JsonElement usage) =>
        usage.ValueKind == JsonValueKind.Object && usage.TryGetProperty("tokens", out var tokens) && JsonData.Long(tokens, "output") > 0;

    public PolicyDecision? Decide(PolicySession session, PolicyState state, DateTimeOffset now)
    {
        if (state.ConsecutiveErrors < options.MaxErrors || state.PendingCommandId is not null)
        {
            return null;
        }
        state.ResetIfQuiet(now, options.RetryReset);
        var restart = options.Action == ErrorLoopOptions.RestartAction;
        if (restart && !session.IsQuiet)
        {
            return null;
        }
        var facts = new PolicyEventData(Name, restart ? PolicyDecisions.Restart : PolicyDecisions.Alert,
            $"{state.ConsecutiveErrors} consecutive errors with no successful turn, threshold {options.MaxErrors}")
        {
            Project = session.Project,
            ConsecutiveErrors = state.ConsecutiveErrors,
            Threshold = options.MaxErrors,
            Attempts = state.Attempts + 1,
            MaxRetries = options.MaxRetries,
            Status = session.Status,
        };
        if (PolicyCap.Reached(state, options, facts, out var alert))
        {
            return alert;
        }
        return new PolicyDecision(facts, restart ? CommandKinds.Restart : null);
    }

    public void Applied(PolicyDecision decision, PolicyState state, DateTimeOffset now)
    {
        if (decision.CountsAttempt)
        {
            state.ConsecutiveErrors = 0;
        }
    }
}
