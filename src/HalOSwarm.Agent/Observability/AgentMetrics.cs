using System.Diagnostics.Metrics;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Agent.Storage;
using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.Observability;

/// <summary>
/// The agent's metrics (System.Diagnostics.Metrics), served on <c>metrics_port</c> when it is set: its outbox, the
/// events it read, sent and had acknowledged, reconnects, sessions per runtime and command executions.
/// </summary>
internal sealed class AgentMetrics
{
    private readonly SessionStore _sessions;

    public AgentMetrics(IMeterFactory meters, AgentMeterName name, Outbox outbox, SupervisorConnection connection, CommandRunner commands, SessionStore sessions)
    {
        _sessions = sessions;
        Meter = meters.Create(name.Value);
        Meter.CreateObservableCounter("hal_agent_command_executions_total", () => Executions(commands), null, "Commands this agent ran to an end, by type and outcome");
        Meter.CreateObservableGauge("hal_agent_outbox_depth", () => Depth(outbox), null, "Events in the outbox not yet acknowledged by the supervisor");
        Meter.CreateObservableCounter("hal_agent_events_read_total", () => outbox.RecordedTotal, null, "Events read from the runtimes and stored in the outbox");
        Meter.CreateObservableCounter("hal_agent_events_sent_total", () => outbox.SentTotal, null, "Events sent to the supervisor (re-sends included)");
        Meter.CreateObservableCounter("hal_agent_events_acked_total", () => outbox.AcknowledgedTotal, null, "Events the supervisor acknowledged");
        Meter.CreateObservableCounter("hal_agent_reconnects_total", () => connection.Reconnects, null, "Times the agent dialled the supervisor again");
        Meter.CreateObservableGauge("hal_agent_sessions", SessionsByRuntime, null, "Sessions the agent tracks that have not ended, by runtime");
    }

    public Meter Meter { get; }

    private static IEnumerable<Measurement<long>> Executions(CommandRunner commands) =>
        commands.Executed.Select(e => new Measurement<long>(e.Value,
            new KeyValuePair<string, object?>("type", e.Key.Type), new KeyValuePair<string, object?>("ok", e.Key.Ok ? "true" : "false")));

    private static long Depth(Outbox outbox)
    {
        var range = outbox.RangeAsync(CancellationToken.None).GetAwaiter().GetResult();
        return Math.Max(0, range.Last - range.First + 1);
    }

    private IEnumerable<Measurement<long>> SessionsByRuntime()
    {
        var sessions = _sessions.ListAsync(CancellationToken.None).GetAwaiter().GetResult();
        return sessions.Where(s => !SessionStatuses.IsTerminal(s.Status))
            .GroupBy(s => s.Runtime, StringComparer.Ordinal)
            .Select(g => new Measurement<long>(g.Count(), new KeyValuePair<string, object?>("runtime", g.Key)));
    }
}
