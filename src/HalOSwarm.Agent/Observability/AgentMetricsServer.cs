using System.Net;
using HalOSwarm.Agent.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace HalOSwarm.Agent.Observability;

/// <summary>
/// Serves <c>GET /metrics</c> (Prometheus text) on 127.0.0.1:<c>metrics_port</c> when that is set. Loopback only and
/// without a token: what it shows is counts, and a worker has no inbound ports; scrape it from the same machine (a
/// node exporter's textfile, a local Prometheus agent) or through an SSH tunnel.
/// </summary>
internal sealed partial class AgentMetricsServer(
    IOptions<AgentOptions> options,
    MeterProvider meterProvider,
    AgentMetrics metrics,
    ILogger<AgentMetricsServer> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    public int Port { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _ = metrics.Meter; // the instruments exist before the first scrape
        var port = options.Value.MetricsPort;
        if (port == 0)
        {
            return;
        }
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapPrometheusScrapingEndpoint("/metrics", meterProvider, null, null);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        _app = app;
        Port = new Uri(app.Urls.First()).Port;
        LogListening(logger, Port);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is { } app)
        {
            await app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _app, null) is { } app)
        {
            await app.DisposeAsync();
        }
    }

    [LoggerMessage(4001, LogLevel.Information, "Metrics on http://127.0.0.1:{port}/metrics")]
    private static partial void LogListening(ILogger logger, int port);
}
