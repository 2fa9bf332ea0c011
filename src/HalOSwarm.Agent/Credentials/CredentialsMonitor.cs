using HalOSwarm.Agent.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Agent.Credentials;

/// <summary>
/// Every <c>credentials_check_sec</c>, compares the files of the pushed credentials with what was written
/// (<see cref="CredentialLedger.CheckAsync"/>); the first check, at start, reports every applied tool once.
/// </summary>
internal sealed partial class CredentialsMonitor(CredentialLedger ledger, IOptions<AgentOptions> options, TimeProvider timeProvider,
    ILogger<CredentialsMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.CredentialsCheckSec), timeProvider);
        try
        {
            do
            {
                try
                {
                    await ledger.CheckAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
                {
                    LogCheckFailed(logger, ex.GetType().Name);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(9102, LogLevel.Warning, "Credentials check failed ({error_kind}); next check at the next interval")]
    private static partial void LogCheckFailed(ILogger logger, string error_kind);
}
