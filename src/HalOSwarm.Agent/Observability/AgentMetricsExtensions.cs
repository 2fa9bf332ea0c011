using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;

namespace HalOSwarm.Agent.Observability;

internal static class AgentMetricsExtensions
{
    /// <summary>The agent's meter, exported in Prometheus text on <c>metrics_port</c> (127.0.0.1; off by default).</summary>
    public static IHostApplicationBuilder AddAgentMetrics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(_ => AgentMeterName.Next()); // named when the host is built
        builder.Services.AddSingleton<AgentMetrics>();
        builder.Services.ConfigureOpenTelemetryMeterProvider((sp, metrics) => metrics.AddMeter(sp.GetRequiredService<AgentMeterName>().Value));
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddPrometheusExporter(o =>
            {
                o.ScrapeResponseCacheDurationMilliseconds = 0;
                o.ScopeInfoEnabled = false;
                o.TargetInfoEnabled = false;
            }));
        builder.Services.AddSingleton<AgentMetricsServer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AgentMetricsServer>());
        return builder;
    }
}
