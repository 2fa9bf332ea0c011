using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Hosting;

/// <summary>Logs both listening URLs once the server is up (never the token).</summary>
internal sealed partial class StartupAnnouncer(
    IHostApplicationLifetime lifetime,
    IOptions<ServerOptions> options,
    IDatabase database,
    ILogger<StartupAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var server = options.Value;
            var tls = server.Tls.Enabled;
            var agentUrl = $"{(tls ? "wss" : "ws")}://{server.BindAddress}:{server.Port}{ProtocolInfo.AgentPath}";
            var apiUrl = $"{(tls ? "https" : "http")}://{server.BindAddress}:{server.HttpPort}/api/v1";
            LogListening(logger, agentUrl, apiUrl, database.Location);
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, EventName = "supervisor.listening",
        Message = "hal-supervisor listening: agents on {agent_url}, HTTP API on {api_url}, database {database_path}")]
    private static partial void LogListening(ILogger logger, string agent_url, string api_url, string database_path);
}
