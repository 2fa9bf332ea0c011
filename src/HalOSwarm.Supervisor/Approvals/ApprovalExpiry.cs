using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Approvals;

/// <summary>
/// Once a second, answers every request pending longer than <c>approvals.timeout_sec</c> with
/// <c>approvals.default_reply</c> and marks it <c>expired</c>.
/// </summary>
internal sealed partial class ApprovalExpiry(
    ApprovalStore store,
    ApprovalService service,
    IOptions<ApprovalsOptions> options,
    TimeProvider timeProvider,
    ILogger<ApprovalExpiry> logger) : BackgroundService
{
    public const string Actor = "supervisor:approvals.timeout";

    private static readonly TimeSpan s_interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(s_interval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await ExpireAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Answers the overdue requests; returns how many.</summary>
    public async Task<int> ExpireAsync(CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromSeconds(options.Value.TimeoutSec);
        var overdue = await store.ListOverdueAsync(timeProvider.GetUtcNow() - timeout, cancellationToken);
        var expired = 0;
        foreach (var approval in overdue)
        {
            var outcome = await service.AnswerAsync(approval.ApprovalId, options.Value.DefaultReply, ApprovalStates.Expired, Actor, "approval.expire",
                null, null, TimeSpan.Zero, cancellationToken);
            expired += outcome.Answered ? 1 : 0;
        }
        return expired;
    }

    [LoggerMessage(Level = LogLevel.Warning, EventName = "approval.expiry_failed", Message = "Expiring overdue approvals failed: {reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
