using HalOSwarm.Supervisor.Api;
using HalOSwarm.Supervisor.Security;

namespace HalOSwarm.Supervisor.Cost.Providers;

/// <summary>
/// <c>POST /api/v1/cost/poll</c> (operator): polls every configured provider's billing API now (the runbook's "force a
/// cost update") and answers with each provider's status afterwards: ok, degraded (with the reason) or not_configured.
/// </summary>
internal static class ProviderPollApi
{
    public static IEndpointRouteBuilder MapProviderPollApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/cost/poll", PollAsync).RequireAuthorization(SupervisorPolicies.Operator);
        return endpoints;
    }

    private static async Task<IResult> PollAsync(ProviderPoller poller, CancellationToken cancellationToken) =>
        ApiResults.Ok(await poller.PollNowAsync(cancellationToken), ProviderPollJsonContext.Default.ApiEnvelopeIReadOnlyListProviderPollStatus);
}
