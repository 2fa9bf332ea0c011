using System.Globalization;
using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Commands;

namespace HalOSwarm.Supervisor.Governance;

/// <summary>
/// Every <c>charter.check_interval_sec</c>, kills each active session older than its project's <c>max_session_minutes</c>
/// (actor <c>charter</c>, one kill per session: the idempotency key names it) and records a <c>charter.violation</c>.
/// </summary>
internal sealed partial class CharterSessionTimer(
    CharterBook book,
    CharterCounts counts,
    CharterViolations violations,
    ICommandService commands,
    TimeProvider timeProvider,
    ILogger<CharterSessionTimer> logger) : BackgroundService
{
    private static readonly JsonElement s_noArgs = JsonDocument.Parse("{}").RootElement.Clone();
    private readonly HashSet<string> _stopped = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Shortest() is null)
        {
            return;
        }
        using var timer = new PeriodicTimer(book.CheckInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await CheckAsync(stoppingToken);
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

    /// <summary>Kills the sessions over their limit; returns how many kills it submitted.</summary>
    public async Task<int> CheckAsync(CancellationToken cancellationToken)
    {
        if (Shortest() is not { } shortest)
        {
            return 0;
        }
        var now = timeProvider.GetUtcNow();
        var killed = 0;
        foreach (var (sessionId, nodeId, project, startedAt) in await counts.ActiveStartedBeforeAsync(now - TimeSpan.FromMinutes(shortest), cancellationToken))
        {
            if (book.For(project).Limit(Charter.MaxSessionMinutes) is not { } limit || now - startedAt < TimeSpan.FromMinutes(limit.Value)
                || !_stopped.Add(sessionId))
            {
                continue;
            }
            var detail = string.Create(CultureInfo.InvariantCulture,
                $"session {sessionId} ran {(int)(now - startedAt).TotalMinutes} minutes of {limit.Value}; killed");
            try
            {
                await commands.SubmitAsync(new CommandSubmission(CommandTypes.Kill, sessionId, null, null, s_noArgs, CharterViolations.Actor,
                    IdempotencyKey: $"charter:{Charter.MaxSessionMinutes}:{sessionId}"), cancellationToken);
                killed++;
            }
            catch (CommandRejectedException ex)
            {
                detail = $"session {sessionId} is over its {limit.Value} minutes; the kill was rejected ({ex.Code}): {ex.Message}";
            }
            await violations.RecordAsync(new CharterViolationData(limit.Key, CharterViolationKinds.SessionMinutes, nodeId, project, sessionId, detail,
                CommandType: CommandTypes.Kill), cancellationToken);
        }
        return killed;
    }

    private int? Shortest() =>
        book.Projects.Append(book.Default).Select(c => c.Limit(Charter.MaxSessionMinutes)?.Value).Where(v => v is not null).Min();

    [LoggerMessage(Level = LogLevel.Warning, EventName = "charter.check_failed", Message = "Checking sessions against the charter failed: {reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
