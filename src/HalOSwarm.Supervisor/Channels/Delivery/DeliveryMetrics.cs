using System.Diagnostics.Metrics;
using HalOSwarm.Supervisor.Observability;

namespace HalOSwarm.Supervisor.Channels.Delivery;

/// <summary>The outbox in <c>/metrics</c>: every attempt's outcome, counted after it was stored, and the pending deliveries.</summary>
internal sealed class DeliveryMetrics
{
    public const string Delivered = "delivered";
    public const string Retried = "retried";
    public const string Failed = "failed";
    private readonly Counter<long> _deliveries;

    public DeliveryMetrics(SupervisorMetrics metrics, DeliveryStore store)
    {
        _deliveries = metrics.Meter.CreateCounter<long>("hal_o_swarm_channel_deliveries_total", null,
            "Attempts at channel deliveries by platform kind, op (post, update) and outcome (delivered, retried, failed)");
        metrics.Meter.CreateObservableGauge("hal_o_swarm_channel_deliveries_pending",
            () => Pending(store), null,
            "Channel deliveries waiting in the outbox (due or waiting for a retry), by platform kind");
    }

    // Every platform kind is reported, 0 when nothing waits, so a dashboard's series does not vanish.
    private static IEnumerable<Measurement<long>> Pending(DeliveryStore store)
    {
        var pending = store.PendingByKind().ToDictionary(p => p.Kind, p => p.Count, StringComparer.Ordinal);
        return ChannelKinds.All.Union(pending.Keys, StringComparer.Ordinal)
            .Select(kind => new Measurement<long>(pending.GetValueOrDefault(kind), new KeyValuePair<string, object?>("kind", kind)));
    }

    public void Counted(string kind, string op, string outcome) => _deliveries.Add(1, new KeyValuePair<string, object?>("kind", kind),
        new KeyValuePair<string, object?>("op", op), new KeyValuePair<string, object?>("outcome", outcome));
}
