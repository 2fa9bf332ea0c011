using HalOSwarm.Bench.Measure;

namespace HalOSwarm.Bench.Scenarios;

/// <summary>
/// The raw numbers of one load run; scenarios turn them into metrics with targets. Supervisor CPU is the sum over the
/// supervisors of the run, RSS the largest of them; <see cref="DatabaseCpuPercent"/> is the PostgreSQL server's (NaN on SQLite).
/// </summary>
internal sealed record LoadOutcome(
    double MeasuredSeconds,
    long EventsAcked,
    double DurableEventsPerSecond,
    double SupervisorCpuPercent,
    double BenchCpuPercent,
    double SupervisorPeakRssMb,
    double SupervisorEndRssMb,
    IReadOnlyList<ProcessSample> SupervisorSamples,
    TimeSpan ConnectTime,
    LatencyHistogram AckLatency,
    LatencyHistogram? EndToEnd,
    long StreamedEvents,
    LatencyHistogram? CommandRoundTrip,
    LatencyHistogram CommandTurnaround,
    long CommandsOk,
    long CommandsFailed,
    int NodesOnline,
    long HeartbeatsSent,
    double DatabaseCpuPercent = double.NaN,
    LatencyHistogram? CommandToAgent = null,
    LatencyHistogram? CommandFromAgent = null);
