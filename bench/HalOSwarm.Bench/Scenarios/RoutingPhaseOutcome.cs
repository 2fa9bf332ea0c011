using HalOSwarm.Bench.Measure;

namespace HalOSwarm.Bench.Scenarios;

/// <summary>One phase of the routing scenario: the fleet's durable rate and latency, and the supervisor's CPU.</summary>
internal sealed record RoutingPhaseOutcome(double Seconds, long Acked, LatencyHistogram Latency, double SupervisorCpuPercent, double BenchCpuPercent)
{
    public double Rate => Acked / Seconds;

    /// <summary>Supervisor CPU time per durable event, in microseconds.</summary>
    public double CpuMicrosPerEvent => SupervisorCpuPercent / 100 * 1_000_000 / Rate;

    /// <summary>Two phases of the same kind as one: the rate over their summed time, latencies merged, CPU time-weighted.</summary>
    public RoutingPhaseOutcome Join(RoutingPhaseOutcome other)
    {
        var latency = new LatencyHistogram();
        latency.Add(Latency);
        latency.Add(other.Latency);
        var seconds = Seconds + other.Seconds;
        return new RoutingPhaseOutcome(seconds, Acked + other.Acked, latency,
            ((SupervisorCpuPercent * Seconds) + (other.SupervisorCpuPercent * other.Seconds)) / seconds,
            ((BenchCpuPercent * Seconds) + (other.BenchCpuPercent * other.Seconds)) / seconds);
    }
}
