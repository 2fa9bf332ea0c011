using HalOSwarm.Bench.Measure;

namespace HalOSwarm.Bench.Ceiling;

/// <summary>
/// What the commit-latency floor measured: per event, its due time → its commit done (<see cref="Latency"/>); per
/// transaction, BEGIN → COMMIT returned (<see cref="CommitDuration"/>).
/// </summary>
internal sealed record FloorResult(LatencyHistogram Latency, LatencyHistogram CommitDuration, long Events, long Commits, long Checkpoints, double Seconds)
{
    /// <summary>Both measurements as one (the histograms of this one take the other's samples).</summary>
    public FloorResult Merge(FloorResult other)
    {
        Latency.Add(other.Latency);
        CommitDuration.Add(other.CommitDuration);
        return new FloorResult(Latency, CommitDuration, Events + other.Events, Commits + other.Commits, Checkpoints + other.Checkpoints, Seconds + other.Seconds);
    }
}
