using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;

namespace HalOSwarm.Agent.Observability;

internal static class AgentMetricsExtensions
{
    /// <summary>The agent's meter, exported in Prometheus text on <c>metrics_port</c> (127.0.0.1; off by default).</summary>
    public static IHostApplicationBuilder AddAgentMetrics(this IHostApplicationBuilder builder)
    {
        var name = AgentMeterName.Next();
        builder.Services.AddSingleton(name);
        builder.Services.AddSingleton<AgentMetrics>();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(name.Value)
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
