using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Commands;
using HalOSwarm.Supervisor.Events;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Policies;

/// <summary>
/// Runs the enabled policies: every <c>policies.tick_seconds</c> it reads the live sessions and lets each policy decide;
/// in between it follows the events the policies count (errors, retries, successful turns, ends of sessions). Ticks and
/// events are handled one at a time under one gate, so the per-session state needs no locking.
/// </summary>
internal sealed partial class PolicyEngine : BackgroundService
{
    public const string CursorName = "policies";

    private static readonly string[] s_types =
        [EventTypes.SessionError, EventTypes.SessionRetry, EventTypes.Usage, EventTypes.SessionCompleted, EventTypes.SessionDeleted];

    private readonly PolicyOptions _options;
    private readonly List<ISessionPolicy> _policies = [];
    private readonly KillOnCostPolicy? _cost;
    private readonly ErrorLoopPolicy? _errorLoop;
    private readonly ResumeAfterRateLimitPolicy? _rateLimit;
    private readonly IPolicySessionSource _sessions;
    private readonly PolicyStateStore _store;
    private readonly EventCursorStore _cursors;
    private readonly EventFeed _feed;
    private readonly PolicyExecutor _executor;
    private readonly ICommandService _commands;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<PolicyEngine> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<(string Policy, string SessionId), PolicyState> _states = [];
    private long _lastEventId;
    private long _savedEventId;

    public PolicyEngine(IOptions<PolicyOptions> options, IPolicySessionSource sessions, PolicyStateStore store, EventCursorStore cursors,
        EventFeed feed, PolicyExecutor executor, ICommandService commands, TimeProvider timeProvider, ILogger<PolicyEngine> logger)
    {
        _options = options.Value;
        _sessions = sessions;
        _store = store;
        _cursors = cursors;
        _feed = feed;
        _executor = executor;
        _commands = commands;
        _timeProvider = timeProvider;
        _logger = logger;
        if (_options.ResumeOnIdle.Enabled)
        {
            _policies.Add(new ResumeOnIdlePolicy(_options.ResumeOnIdle));
        }
        if (_options.ResumeAfterRateLimit.Enabled)
        {
            _policies.Add(_rateLimit = new ResumeAfterRateLimitPolicy(_options.ResumeAfterRateLimit));
        }
        if (_options.ErrorLoop.Enabled)
        {
            _policies.Add(_errorLoop = new ErrorLoopPolicy(_options.ErrorLoop));
        }
        if (_options.Stuck.Enabled)
        {
            _policies.Add(new StuckPolicy(_options.Stuck));
        }
        if (_options.RestartOnCompaction.Enabled)
        {
            _policies.Add(new RestartOnCompactionPolicy(_options.RestartOnCompaction));
        }
        if (_options.KillOnCost.Enabled)
        {
            _cost = new KillOnCostPolicy(_options.KillOnCost);
        }
    }

    public bool Enabled => _policies.Count > 0 || _cost is not null;

    /// <summary>Loads the persisted state and the event cursor.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        foreach (var state in await _store.LoadAsync(cancellationToken))
        {
            _states[(state.Policy, state.SessionId)] = state;
        }
        _lastEventId = _savedEventId = await _cursors.GetAsync(CursorName, cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }
        await InitializeAsync(stoppingToken);
        var names = string.Join(", ", _policies.Select(p => p.Name).Concat(_cost is null ? [] : [_cost.Name]));
        LogStarted(_logger, names, _options.TickSeconds);
        var follow = FollowEventsAsync(stoppingToken);
        using var timer = new PeriodicTimer(_options.Tick, _timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await TickAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogTickFailed(_logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await follow;
    }

    /// <summary>One round of every enabled policy over the live sessions.</summary>
    public async Task TickAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = _timeProvider.GetUtcNow();
            await RefreshPendingAsync(cancellationToken);
            var sessions = await _sessions.ListLiveAsync(cancellationToken);
            foreach (var policy in _policies)
            {
                foreach (var session in sessions)
                {
                    var state = StateOf(policy.Name, session.SessionId);
                    if (policy.Decide(session, state, now) is { } decision)
                    {
                        await _executor.ApplyAsync(policy, session, state, decision, now, cancellationToken);
                    }
                }
            }
            if (_cost is not null)
            {
                var daily = _options.KillOnCost.DailyLimitUsd > 0
                    ? await _sessions.CostSinceAsync(new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero), cancellationToken)
                    : 0;
                foreach (var (session, decision) in _cost.Decide(sessions, daily, id => StateOf(_cost.Name, id), now))
                {
                    await _executor.ApplyAsync(_cost, session, StateOf(_cost.Name, session.SessionId), decision, now, cancellationToken);
                }
            }
            await PruneAsync(sessions, cancellationToken);
            if (_lastEventId != _savedEventId)
            {
                await _cursors.SaveAsync(CursorName, _lastEventId, cancellationToken);
                _savedEventId = _lastEventId;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RefreshPendingAsync(CancellationToken cancellationToken)
    {
        foreach (var state in _states.Values.Where(s => s.PendingCommandId is not null).ToList())
        {
            var command = await _commands.GetAsync(state.PendingCommandId!, cancellationToken);
            if (command is null || CommandStates.IsTerminal(command.State))
            {
                state.PendingCommandId = null;
                await _store.SaveAsync(state, cancellationToken);
            }
        }
    }

    /// <summary>Drops the memory of sessions that are no longer live (ended, or gone from the store).</summary>
    private async Task PruneAsync(IReadOnlyList<PolicySession> live, CancellationToken cancellationToken)
    {
        var ids = live.Select(s => s.SessionId).ToHashSet(StringComparer.Ordinal);
        foreach (var sessionId in _states.Keys.Select(k => k.SessionId).Where(id => !ids.Contains(id)).Distinct().ToList())
        {
            await ForgetAsync(sessionId, cancellationToken);
        }
    }

    private async Task ForgetAsync(string sessionId, CancellationToken cancellationToken)
    {
        foreach (var key in _states.Keys.Where(k => k.SessionId == sessionId).ToList())
        {
            _states.Remove(key);
        }
        await _store.DeleteAsync(sessionId, cancellationToken);
    }

    private PolicyState StateOf(string policy, string sessionId)
    {
        if (!_states.TryGetValue((policy, sessionId), out var state))
        {
            _states[(policy, sessionId)] = state = new PolicyState(policy, sessionId);
        }
        return state;
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }
}
