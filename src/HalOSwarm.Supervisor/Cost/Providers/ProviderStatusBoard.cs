using System.Diagnostics.Metrics;
using HalOSwarm.Supervisor.Observability;

namespace HalOSwarm.Supervisor.Cost.Providers;

/// <summary>
/// Each provider's poll status as the report shows it. A change of state is logged once (ok → degraded with the
/// reason, degraded → ok), never each failed poll or retry; every poll is counted in <c>/metrics</c>.
/// </summary>
internal sealed partial class ProviderStatusBoard
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ProviderPollStatus> _statuses = new(StringComparer.Ordinal);
    private readonly ILogger<ProviderStatusBoard> _logger;
    private readonly Counter<long> _polls;

    public ProviderStatusBoard(IEnumerable<IProviderSource> sources, SupervisorMetrics metrics, ILogger<ProviderStatusBoard> logger)
    {
        _logger = logger;
        foreach (var source in sources)
        {
            _statuses[source.Provider] = new ProviderPollStatus(source.Provider, source.IsConfigured ? ProviderStates.Pending : ProviderStates.NotConfigured, null, null);
        }
        _polls = metrics.Meter.CreateCounter<long>("hal_o_swarm_cost_provider_polls_total", null, "Polls of the providers' billing APIs, by provider and result (ok, failed)");
        metrics.Meter.CreateObservableGauge("hal_o_swarm_cost_provider_degraded", Degraded, null,
            "1 while a provider's billing API is degraded (its last poll failed), else 0");
    }

    /// <summary>Takes the last run's last success of each configured provider; it stays pending (and logs its first failure) until polled.</summary>
    public void Restore(IReadOnlyDictionary<string, ProviderPollStatus> stored)
    {
        lock (_lock)
        {
            foreach (var (provider, status) in stored)
            {
                if (_statuses.TryGetValue(provider, out var current) && current.State == ProviderStates.Pending)
                {
                    _statuses[provider] = current with { LastSuccessAt = status.LastSuccessAt };
                }
            }
        }
    }

    public ProviderPollStatus Get(string provider)
    {
        lock (_lock)
        {
            return _statuses[provider];
        }
    }

    public IReadOnlyList<ProviderPollStatus> Snapshot()
    {
        lock (_lock)
        {
            return [.. _statuses.Values.OrderBy(s => s.Provider, StringComparer.Ordinal)];
        }
    }

    /// <summary>Records a poll's outcome; logs when the provider's state changed.</summary>
    public void Record(ProviderPollStatus status)
    {
        ProviderPollStatus previous;
        lock (_lock)
        {
            previous = _statuses[status.Provider];
            _statuses[status.Provider] = status;
        }
        var ok = status.State == ProviderStates.Ok;
        _polls.Add(1, new KeyValuePair<string, object?>("provider", status.Provider), new KeyValuePair<string, object?>("result", ok ? "ok" : "failed"));
        if (!ok && previous.State != ProviderStates.Degraded)
        {
            LogDegraded(_logger, status.Provider, status.Error ?? "");
        }
        else if (ok && previous.State == ProviderStates.Degraded)
        {
            LogRecovered(_logger, status.Provider);
        }
    }

    private IEnumerable<Measurement<int>> Degraded() =>
        Snapshot().Select(s => new Measurement<int>(s.State == ProviderStates.Degraded ? 1 : 0, new KeyValuePair<string, object?>("provider", s.Provider)));
}
