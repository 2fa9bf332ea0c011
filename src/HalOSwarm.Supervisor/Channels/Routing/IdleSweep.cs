using System.Globalization;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Channels.Alerts;
using HalOSwarm.Supervisor.Channels.Delivery;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Channels.Routing;

/// <summary>
/// The <c>idle_for &gt; D</c> rules: every <see cref="Interval"/> it looks for sessions whose status is idle and whose
/// last activity is older than D, and alerts once per idle period (dedup key <c>idle:SESSION:LAST_ACTIVITY:RULE</c>,
/// stored, so a restart does not alert again for the same period; a session that works and goes idle again is a new period).
/// </summary>
internal sealed partial class IdleSweep(
    RouteRuleSet rules,
    IDatabase database,
    IStorageWriter writer,
    OutboxSignal signal,
    RoutingMetrics metrics,
    TimeProvider timeProvider,
    ILogger<IdleSweep> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);
    private const int MaxSessionsPerRule = 500;

    private readonly HashSet<string> _alerted = new(StringComparer.Ordinal);
    private readonly RouteWindows _windows = new();
    private readonly SemaphoreSlim _gate = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (rules.IdleRules.Count == 0)
        {
            return;
        }
        using var timer = new PeriodicTimer(Interval, timeProvider);
        try
        {
            do
            {
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, ex.Message);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One sweep; sweeps never overlap.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await SweepOnceAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }

    private async Task SweepOnceAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var alerts = new List<NewAlert>();
        foreach (var rule in rules.IdleRules)
        {
            foreach (var (sessionId, nodeId, project, lastActivity) in await IdleSessionsAsync(now - rule.IdleFor!.Value, cancellationToken))
            {
                var key = $"idle:{sessionId}:{lastActivity}:{rule.Name}";
                if (_alerted.Contains(key))
                {
                    continue;
                }
                using var facts = new RouteFacts(EventTypes.SessionIdle, sessionId, nodeId, project, SqliteTime.Parse(lastActivity));
                if (!rule.Fields.All(c => RouteConditionEvaluator.Holds(c, facts)))
                {
                    continue;
                }
                if (_windows.Throttled(rule, facts.Key, now))
                {
                    metrics.Dropped(rule.Name, "throttle");
                    continue;
                }
                _windows.Alerted(rule, facts.Key, now);
                alerts.Add(new NewAlert(key, AlertComposer.Compose(rule, facts, rules.DashboardUrl, now, rule.IdleFor), rule.Targets));
            }
        }
        if (alerts.Count == 0)
        {
            return;
        }
        var ids = await writer.WriteAsync(new AlertsInsert(alerts), cancellationToken);
        if (_alerted.Count > 100_000)
        {
            _alerted.Clear();
        }
        for (var i = 0; i < alerts.Count; i++)
        {
            _alerted.Add(alerts[i].DedupKey);
            if (ids[i] == 0)
            {
                metrics.Dropped(alerts[i].Alert.Rule, "dedup");
                continue;
            }
            metrics.Stored(alerts[i].Alert.Rule);
            LogIdle(logger, ids[i], alerts[i].Alert.Rule, alerts[i].Alert.SessionId);
        }
        signal.Notify();
    }

    private async Task<List<(string SessionId, string NodeId, string? Project, string LastActivity)>> IdleSessionsAsync(DateTimeOffset cutoff,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT session_id, node_id, project, last_activity_at FROM sessions
            WHERE status = @idle AND last_activity_at IS NOT NULL AND last_activity_at <= @cutoff
            ORDER BY last_activity_at DESC LIMIT @limit
            """;
        command.AddParameter("@idle", SessionStatuses.Idle);
        command.AddParameter("@cutoff", SqliteTime.Format(cutoff));
        command.AddParameter("@limit", MaxSessionsPerRule);
        var rows = new List<(string, string, string?, string)>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3)));
        }
        return rows;
    }

    [LoggerMessage(Level = LogLevel.Information, EventName = "channels.idle_alert_stored",
        Message = "Alert {alert_id} by rule {rule}: session {session_id} idle too long")]
    private static partial void LogIdle(ILogger logger, long alert_id, string rule, string? session_id);

    [LoggerMessage(Level = LogLevel.Warning, EventName = "channels.idle_sweep_failed", Message = "The idle sweep failed: {reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
