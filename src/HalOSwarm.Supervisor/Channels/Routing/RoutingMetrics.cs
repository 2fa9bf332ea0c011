using System.Diagnostics.Metrics;
using HalOSwarm.Supervisor.Observability;

namespace HalOSwarm.Supervisor.Channels.Routing;

/// <summary>The router's counters on the supervisor's meter (exported at <c>/metrics</c>).</summary>
internal sealed class RoutingMetrics
{
    private readonly Counter<long> _alerts;
    private readonly Counter<long> _dropped;

    public RoutingMetrics(SupervisorMetrics metrics)
    {
        _alerts = metrics.Meter.CreateCounter<long>("hal_o_swarm_channel_alerts_total", null, "Alerts the router stored (counted after their commit), by rule");
        _dropped = metrics.Meter.CreateCounter<long>("hal_o_swarm_channel_alerts_dropped_total", null,
            "Alerts a rule matched but did not store, by rule and reason (throttle: within the rule's throttle; dedup: already stored)");
    }

    public void Stored(string rule) => _alerts.Add(1, new KeyValuePair<string, object?>("rule", rule));

    public void Dropped(string rule, string reason) =>
        _dropped.Add(1, new KeyValuePair<string, object?>("rule", rule), new KeyValuePair<string, object?>("reason", reason));
}
