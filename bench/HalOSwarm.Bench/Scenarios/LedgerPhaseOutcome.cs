using HalOSwarm.Bench.Measure;

namespace HalOSwarm.Bench.Scenarios;

/// <summary>One phase of the ledger scenario: the two fleets' durable rates and latencies, and the supervisor's CPU.</summary>
internal sealed record LedgerPhaseOutcome(
    double Seconds,
    long UsageFleetAcked,
    long PlainFleetAcked,
    LatencyHistogram UsageFleetLatency,
    LatencyHistogram PlainFleetLatency,
    double SupervisorCpuPercent,
    double BenchCpuPercent)
{
    public double UsageFleetRate => UsageFleetAcked / Seconds;

    public double PlainFleetRate => PlainFleetAcked / Seconds;

    public double TotalRate => (UsageFleetAcked + PlainFleetAcked) / Seconds;

    /// <summary>Supervisor CPU time per durable event, in microseconds.</summary>
    public double CpuMicrosPerEvent => SupervisorCpuPercent / 100 * 1_000_000 / TotalRate;

    public LatencyHistogram AllLatency
    {
        get
        {
            var all = new LatencyHistogram();
            all.Add(UsageFleetLatency);
            all.Add(PlainFleetLatency);
            return all;
        }
    }

    /// <summary>Two phases of the same kind as one: rates over their summed time, latencies merged, CPU time-weighted.</summary>
    public LedgerPhaseOutcome Join(LedgerPhaseOutcome other)
    {
        var usage = new LatencyHistogram();
        usage.Add(UsageFleetLatency);
        usage.Add(other.UsageFleetLatency);
        var plain = new LatencyHistogram();
        plain.Add(PlainFleetLatency);
        plain.Add(other.PlainFleetLatency);
        var seconds = Seconds + other.Seconds;
        return new LedgerPhaseOutcome(seconds, UsageFleetAcked + other.UsageFleetAcked, PlainFleetAcked + other.PlainFleetAcked, usage, plain,
            ((SupervisorCpuPercent * Seconds) + (other.SupervisorCpuPercent * other.Seconds)) / seconds,
            ((BenchCpuPercent * Seconds) + (other.BenchCpuPercent * other.Seconds)) / seconds);
    }
}
