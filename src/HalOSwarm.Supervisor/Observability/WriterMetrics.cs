using System.Diagnostics.Metrics;
using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Observability;

/// <summary>
/// The storage writer's histograms on the supervisor's meter (exported at <c>/metrics</c>): how long ops wait in their
/// lane, how long a batch takes from its begin to its commit, and each phase of it (begin, apply, commit, and what runs
/// after the commit before the next batch). Together with
/// <c>hal_o_swarm_event_processing_duration_seconds</c> they say where an event's time to durable goes.
/// </summary>
internal sealed class WriterMetrics : IWriterObserver
{
    private static readonly double[] s_buckets = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
    private static readonly KeyValuePair<string, object?> s_priority = new("lane", "priority");
    private static readonly KeyValuePair<string, object?> s_bulk = new("lane", "bulk");
    private readonly Histogram<double> _wait;
    private readonly Histogram<double> _batch;
    private readonly Histogram<double> _phase;
    private static readonly KeyValuePair<string, object?> s_begin = new("phase", "begin");
    private static readonly KeyValuePair<string, object?> s_apply = new("phase", "apply");
    private static readonly KeyValuePair<string, object?> s_commit = new("phase", "commit");
    private static readonly KeyValuePair<string, object?> s_afterCommit = new("phase", "after_commit");

    public WriterMetrics(SupervisorMetrics metrics)
    {
        var advice = new InstrumentAdvice<double> { HistogramBucketBoundaries = s_buckets };
        _wait = metrics.Meter.CreateHistogram("hal_o_swarm_writer_wait_duration_seconds", "s",
            "From a write op's enqueue to the start of its application in a batch, by lane", tags: null, advice: advice);
        _batch = metrics.Meter.CreateHistogram("hal_o_swarm_writer_batch_duration_seconds", "s",
            "From a batch's begin to its commit's return (one observation per committed batch; lane priority when it held a priority op)",
            tags: null, advice: advice);
        _phase = metrics.Meter.CreateHistogram("hal_o_swarm_writer_phase_duration_seconds", "s",
            "Each phase of a committed batch: begin, apply (the ops and the participants' flush), commit (writing the WAL; syncing it with synchronous=full), after_commit (acks, live publishing, a WAL restart)",
            tags: null, advice: advice);
    }

    public void Waited(WriteLane lane, TimeSpan wait) => _wait.Record(wait.TotalSeconds, lane == WriteLane.Priority ? s_priority : s_bulk);

    public void Committed(bool priority, TimeSpan begin, TimeSpan apply, TimeSpan commit)
    {
        _batch.Record((begin + apply + commit).TotalSeconds, priority ? s_priority : s_bulk);
        _phase.Record(begin.TotalSeconds, s_begin);
        _phase.Record(apply.TotalSeconds, s_apply);
        _phase.Record(commit.TotalSeconds, s_commit);
    }

    public void AfterCommit(TimeSpan afterCommit) => _phase.Record(afterCommit.TotalSeconds, s_afterCommit);
}
