using HalOSwarm.Agent.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Agent.ToolAuth;

/// <summary>
/// Checks the agent programs' logins at start (every tool reported) and then every <c>tool_auth.interval_sec</c>
/// (only the tools whose status changed). The events wait in the outbox while the supervisor is away.
/// </summary>
internal sealed partial class ToolAuthMonitor(
    ToolAuthChecker checker, ToolAuthReporter reporter, IOptions<AgentOptions> options, TimeProvider timeProvider, ILogger<ToolAuthMonitor> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.ToolAuth.IntervalSec;
        try
        {
            await CheckAsync(onlyChanged: false, stoppingToken);
            if (interval <= 0)
            {
                return;
            }
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(interval), timeProvider);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await CheckAsync(onlyChanged: true, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task CheckAsync(bool onlyChanged, CancellationToken cancellationToken)
    {
        try
        {
            var statuses = await checker.CheckAllAsync(ToolAuthChecker.Timeout, cancellationToken);
            var sent = await reporter.ReportAsync(statuses, onlyChanged, cancellationToken);
            Log.Checked(logger, statuses.Count, sent);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.CheckFailed(logger, ex.Message);
        }
    }
}
