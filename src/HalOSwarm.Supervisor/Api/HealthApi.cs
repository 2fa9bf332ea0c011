using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Api;

/// <summary><c>/healthz</c> (alive) and <c>/readyz</c> (database takes writes and the event writer runs). No token needed.</summary>
internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => ApiResults.Ok(new HealthStatus("ok"), ApiJsonContext.Default.ApiEnvelopeHealthStatus)).AllowAnonymous();
        endpoints.MapGet("/readyz", async (IDatabaseProbe probe, IStorageWriter writer, CancellationToken cancellationToken) =>
        {
            var components = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["database"] = await probe.CheckAsync(cancellationToken),
                ["hub"] = writer.Health,
            };
            var failing = components.Where(c => c.Value != "ok").ToList();
            return failing.Count == 0
                ? ApiResults.Ok(new HealthStatus("ready", components), ApiJsonContext.Default.ApiEnvelopeHealthStatus)
                : ApiErrors.NotReady("not ready: " + string.Join("; ", failing.Select(c => $"{c.Key}: {c.Value}")), components);
        }).AllowAnonymous();
        return endpoints;
    }
}
