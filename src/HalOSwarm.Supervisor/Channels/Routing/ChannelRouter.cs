using System.Globalization;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Channels.Alerts;
using HalOSwarm.Supervisor.Channels.Delivery;
using HalOSwarm.Supervisor.Events;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Channels.Routing;

/// <summary>
/// Routes stored events to alerts. It reads them after ingest stored them — the broadcaster live, the database for
/// whatever it missed (a restart; its cursor is kept in <c>event_cursors</c> under <see cref="Consumer"/>) — so routing
/// never slows ingest. Each batch of what the feed has ready goes through the compiled rules (a dictionary read by
/// type; the event's JSON is parsed only when a rule of its type needs it), and the alerts it makes are stored in ONE
/// writer op with their post deliveries and the cursor (dedup key <c>e:EVENT_ID:RULE</c>, so a replay never duplicates),
/// then the outbox is woken. <c>permission.replied</c> closes the alerts of a request answered elsewhere.
/// </summary>
internal sealed partial class ChannelRouter(
    EventFeed feed,
    EventCursorStore cursors,
    RouteRuleSet rules,
    SessionProjects projects,
    IStorageWriter writer,
    OutboxSignal signal,
    RoutingMetrics metrics,
    ElsewhereAnswers elsewhere,
    TimeProvider timeProvider,
    ILogger<ChannelRouter> logger) : BackgroundService
{
    public const string Consumer = "channels";

    /// <summary>Events taken from the feed per round (one writer op at most per round).</summary>
    public const int MaxBatch = 500;

    private static readonly TimeSpan s_cursorEvery = TimeSpan.FromSeconds(1);
    private readonly RouteWindows _windows = new();
    private long _savedAt;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (rules.EventRules.Count == 0)
        {
            LogNoRules(logger);
            return;
        }
        try
        {
            var last = await cursors.GetAsync(Consumer, stoppingToken);
            LogStarted(logger, rules.EventRules.Count, last);
            var filter = Filter();
            var batch = new List<StoredEvent>(MaxBatch);
            while (!stoppingToken.IsCancellationRequested)
            {
                using (var reader = feed.Open(filter, last))
                {
                    while (await reader.WaitToReadAsync(stoppingToken))
                    {
                        batch.Clear();
                        while (batch.Count < MaxBatch && reader.TryRead(out var stored))
                        {
                            batch.Add(stored);
                        }
                        if (batch.Count == 0)
                        {
                            continue;
                        }
                        await RouteSafelyAsync(batch, stoppingToken);
                        last = batch[^1].Id;
                    }
                }
                LogResubscribing(logger, last);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RouteSafelyAsync(List<StoredEvent> batch, CancellationToken cancellationToken)
    {
        try
        {
            await RouteAsync(batch, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, batch[0].Id, batch[^1].Id, ex.Message);
        }
    }

    /// <summary>Routes one batch: its alerts and the cursor stored in one op, then the outbox woken.</summary>
    public async Task RouteAsync(IReadOnlyList<StoredEvent> batch, CancellationToken cancellationToken)
    {
        List<NewAlert>? alerts = null;
        List<StoredEvent>? replied = null;
        foreach (var stored in batch)
        {
            if (stored.Type == EventTypes.PermissionReplied)
            {
                (replied ??= []).Add(stored);
            }
            var candidates = rules.For(stored.Type);
            if (candidates.Length == 0)
            {
                continue;
            }
            using var facts = new RouteFacts(stored);
            foreach (var rule in candidates)
            {
                if (await MatchAsync(rule, facts, cancellationToken) is { } alert)
                {
                    (alerts ??= []).Add(alert);
                }
            }
        }
        if (alerts is not null)
        {
            await StoreAsync(alerts, batch[^1].Id, cancellationToken);
        }
        else if (timeProvider.GetElapsedTime(_savedAt) >= s_cursorEvery)
        {
            // Nothing routed: the cursor is saved at most once a second (a replay of that second makes nothing twice).
            await writer.WriteAsync(new AlertsInsert([], new EventCursor(Consumer, batch[^1].Id)), cancellationToken);
            _savedAt = timeProvider.GetTimestamp();
        }
        if (replied is not null)
        {
            await elsewhere.CloseAsync(replied, cancellationToken);
        }
    }

    private async Task<NewAlert?> MatchAsync(RouteRule rule, RouteFacts facts, CancellationToken cancellationToken)
    {
        if (rule.NeedsProject && !facts.ProjectKnown)
        {
            facts.SetProject(await projects.GetAsync(facts.SessionId, cancellationToken));
        }
        foreach (var condition in rule.Fields)
        {
            if (!RouteConditionEvaluator.Holds(condition, facts))
            {
                return null;
            }
        }
        if (rule.Count is not null && !_windows.Count(rule, facts.Key, facts.At))
        {
            return null;
        }
        if (_windows.Throttled(rule, facts.Key, facts.At))
        {
            metrics.Dropped(rule.Name, "throttle");
            return null;
        }
        _windows.Alerted(rule, facts.Key, facts.At);
        if (!facts.ProjectKnown)
        {
            facts.SetProject(await projects.GetAsync(facts.SessionId, cancellationToken));
        }
        var key = string.Create(CultureInfo.InvariantCulture, $"e:{facts.EventId}:{rule.Name}");
        return new NewAlert(key, AlertComposer.Compose(rule, facts, rules.DashboardUrl, timeProvider.GetUtcNow()), rule.Targets);
    }

    /// <summary>Stores the alerts and, in the same transaction, the cursor after <paramref name="lastId"/>.</summary>
    private async Task StoreAsync(List<NewAlert> alerts, long lastId, CancellationToken cancellationToken)
    {
        var ids = await writer.WriteAsync(new AlertsInsert(alerts, new EventCursor(Consumer, lastId)), cancellationToken);
        _savedAt = timeProvider.GetTimestamp();
        for (var i = 0; i < alerts.Count; i++)
        {
            var alert = alerts[i].Alert;
            if (ids[i] == 0)
            {
                metrics.Dropped(alert.Rule, "dedup");
                continue;
            }
            metrics.Stored(alert.Rule);
            LogAlert(logger, ids[i], alert.Rule, alert.EventType, alert.SessionId, alerts[i].Targets.Count);
        }
        signal.Notify();
    }

    /// <summary>Only the types some rule looks at (and permission.replied); every type once a rule matches <c>*</c>.</summary>
    private EventFilter Filter()
    {
        if (rules.EventRules.Any(r => r.Match == "*"))
        {
            return new EventFilter(null, null, [], [], null, null);
        }
        var types = rules.EventRules.Where(r => !r.Match.EndsWith('.')).Select(r => r.Match).Append(EventTypes.PermissionReplied).Distinct().ToList();
        var prefixes = rules.EventRules.Where(r => r.Match.EndsWith('.')).Select(r => r.Match).Distinct().ToList();
        return new EventFilter(null, null, types, prefixes, null, null);
    }
}
