using HalOSwarm.Supervisor.Api;
using HalOSwarm.Supervisor.Audit;
using HalOSwarm.Supervisor.Security;

namespace HalOSwarm.Supervisor.Cost.Providers;

/// <summary>
/// <c>POST /api/v1/cost/poll</c> (operator): polls every configured provider's billing API now (the runbook's "force a
/// cost update") and answers with each provider's status afterwards: ok, degraded (with the reason) or not_configured.
/// Audited as <c>cost.poll</c>: <c>succeeded</c>, or <c>degraded</c> with the failing providers' reasons.
/// </summary>
internal static class ProviderPollApi
{
    public static IEndpointRouteBuilder MapProviderPollApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/cost/poll", PollAsync).RequireAuthorization(SupervisorPolicies.Operator);
        return endpoints;
    }

    private static async Task<IResult> PollAsync(HttpContext context, ProviderPoller poller, IAuditLog audit, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var actor = ApiCaller.Actor(context.Request, out var actorError);
        if (actor is null)
        {
            return ApiErrors.BadRequest($"{ApiCaller.ActorHeader}: {actorError}");
        }
        var started = timeProvider.GetUtcNow();
        var statuses = await poller.PollNowAsync(cancellationToken);
        var failed = statuses.Where(s => s.State == ProviderStates.Degraded).Select(s => $"{s.Provider}: {s.Error}").ToList();
        await audit.RecordAsync(new AuditEntry(actor, "cost.poll", null, null, failed.Count == 0 ? "succeeded" : "degraded",
            failed.Count == 0 ? null : string.Join("; ", failed), (long)(timeProvider.GetUtcNow() - started).TotalMilliseconds,
            ApiCaller.SourceAddress(context)), CancellationToken.None);
        return ApiResults.Ok(statuses, ProviderPollJsonContext.Default.ApiEnvelopeIReadOnlyListProviderPollStatus);
    }
}
