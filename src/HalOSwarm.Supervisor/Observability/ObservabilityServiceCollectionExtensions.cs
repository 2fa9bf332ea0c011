using OpenTelemetry.Metrics;

namespace HalOSwarm.Supervisor.Observability;

internal static class ObservabilityServiceCollectionExtensions
{
    /// <summary>
    /// The supervisor's meter and its Prometheus exporter (OpenTelemetry's, over System.Diagnostics.Metrics): no
    /// response cache, so a scrape right after a commit sees it; no scope labels or target_info, so the series are
    /// the documented names and labels only.
    /// </summary>
    /// <summary>The .NET runtime's built-in meter.</summary>
    public const string RuntimeMeter = "System.Runtime";

    public static IServiceCollection AddSupervisorObservability(this IServiceCollection services)
    {
        // Named when the host is built, not when its services are described (--validate describes them too).
        services.AddSingleton(_ => SupervisorMeterName.Next());
        services.AddSingleton<SupervisorMetrics>();
        services.AddSingleton<WriterMetrics>();
        services.AddSingleton<Storage.Writing.IWriterObserver>(sp => sp.GetRequiredService<WriterMetrics>());
        services.AddSingleton<SupervisorGauges>();
        services.ConfigureOpenTelemetryMeterProvider((sp, metrics) => metrics.AddMeter(sp.GetRequiredService<SupervisorMeterName>().Value));
        // The runtime's own meter: GC collections and pause time, CPU, thread pool, allocations (the dotnet_* series).
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(RuntimeMeter));
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddPrometheusExporter(o =>
            {
                o.ScrapeResponseCacheDurationMilliseconds = 0;
                o.ScopeInfoEnabled = false;
                o.TargetInfoEnabled = false;
            }));
        return services;
    }

    /// <summary>
    /// <c>GET /metrics</c> on the HTTP port, Prometheus text. It needs a token (the API's default policy), like the API
    /// it summarises; give Prometheus one in its <c>authorization</c> scrape setting.
    /// </summary>
    public static IEndpointRouteBuilder MapMetricsEndpoint(this IEndpointRouteBuilder endpoints)
    {
        _ = endpoints.ServiceProvider.GetRequiredService<SupervisorGauges>(); // the gauges exist before the first scrape
        endpoints.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization();
        return endpoints;
    }
}
