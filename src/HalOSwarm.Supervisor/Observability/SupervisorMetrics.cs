using System.Diagnostics.Metrics;

namespace HalOSwarm.Supervisor.Observability;

/// <summary>
/// The supervisor's counters and histograms (System.Diagnostics.Metrics; exported at <c>/metrics</c>). Counters count
/// stored facts: the features call these methods after the commit that stored what is counted, so a counter equals
/// the rows written since the process started.
/// </summary>
internal sealed class SupervisorMetrics
{
    private static readonly double[] s_commandBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];
    private static readonly double[] s_eventBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    private readonly Counter<long> _commands;
    private readonly Counter<long> _events;
    private readonly Histogram<double> _commandDuration;
    private readonly Histogram<double> _eventProcessing;
    private readonly UpDownCounter<long> _connections;
    private long _ingestLagMs;

    public SupervisorMetrics(IMeterFactory meters, SupervisorMeterName name)
    {
        Meter = meters.Create(name.Value);
        _commands = Meter.CreateCounter<long>("hal_o_swarm_commands_total", null, "Commands finished (stored in a final state), by type and status");
        _events = Meter.CreateCounter<long>("hal_o_swarm_events_total", null, "Events stored (counted after their commit), by type");
        _commandDuration = Meter.CreateHistogram("hal_o_swarm_command_duration_seconds", "s",
            "From a command's submission to its stored outcome", tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = s_commandBuckets });
        _eventProcessing = Meter.CreateHistogram("hal_o_swarm_event_processing_duration_seconds", "s",
            "From reading an events frame off an agent's socket to the commit that stored it (one observation per frame)",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = s_eventBuckets });
        _connections = Meter.CreateUpDownCounter<long>("hal_o_swarm_connections_active", null, "Open agent WebSocket connections (handshaken or not)");
        Meter.CreateObservableGauge("hal_o_swarm_ingest_lag_seconds", () => Interlocked.Read(ref _ingestLagMs) / 1000.0, "s",
            "Age of the oldest event in the last committed events frame (commit time minus the event's own timestamp)");
    }

    /// <summary>This host's meter; the gauges that read other features' state register on it too.</summary>
    public Meter Meter { get; }

    public void CommandFinished(string type, string status, TimeSpan duration)
    {
        var typeTag = new KeyValuePair<string, object?>("type", type);
        _commands.Add(1, typeTag, new KeyValuePair<string, object?>("status", status));
        _commandDuration.Record(Math.Max(0, duration.TotalSeconds), typeTag);
    }

    public void EventsStored(string type, int count) => _events.Add(count, new KeyValuePair<string, object?>("type", type));

    /// <summary>An events frame was committed: <paramref name="processing"/> since it was read, <paramref name="lag"/> since its oldest event happened.</summary>
    public void EventsFrameCommitted(TimeSpan processing, TimeSpan lag)
    {
        _eventProcessing.Record(Math.Max(0, processing.TotalSeconds));
        Interlocked.Exchange(ref _ingestLagMs, Math.Max(0, (long)lag.TotalMilliseconds));
    }

    public void ConnectionOpened() => _connections.Add(1);

    public void ConnectionClosed() => _connections.Add(-1);
}
