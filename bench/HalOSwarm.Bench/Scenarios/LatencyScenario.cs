using HalOSwarm.Bench.Cli;
using HalOSwarm.Bench.Report;

namespace HalOSwarm.Bench.Scenarios;

/// <summary>
/// End-to-end latency at a fixed rate: from the event's creation in the simulated agent's outbox to its arrival
/// on a live <c>/api/v1/events/stream</c> subscriber, read against the same run's commit-latency floor at the same
/// rate and batch size (target p99 ≤ 2 × floor p99 + 10 ms at 5,000 events/s from 200 agents).
/// </summary>
internal sealed class LatencyScenario : IScenario
{
    public string Name => "latency";

    public async Task<ScenarioResult> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var result = new ScenarioResult(Name);
        var settings = ScenarioDefaults.Resolve(Name, context.Options);
        var floorStep = new FloorStep(context, settings);
        await floorStep.BeforeAsync(cancellationToken);
        var o = await LoadRunner.RunAsync(context, new LoadPlan(Name, settings, Subscribe: true), result, cancellationToken);
        var floor = await floorStep.AfterAsync(result, cancellationToken);
        var full = !context.Options.Quick;
        result.Add("durable events/s", o.DurableEventsPerSecond, "ev/s");
        result.Add("streamed events/s", o.StreamedEvents / o.MeasuredSeconds, "ev/s");
        var floorP99 = floor.Latency.PercentileMs(99);
        AddLatency(result, "e2e", o.EndToEnd!, full ? (2 * floorP99) + 10 : null);
        result.Add("e2e p99 / floor p99", o.EndToEnd!.PercentileMs(99) / floorP99, "x");
        result.Add("supervisor peak rss", o.SupervisorPeakRssMb, "MB");
        LoadRunner.AddCommon(result, o);
        if (full)
        {
            result.Notes.Add("e2e p99 target = 2 × floor p99 + 10 ms");
        }
        return result;
    }

    public static void AddLatency(ScenarioResult result, string prefix, Measure.LatencyHistogram histogram, double? p99Target)
    {
        result.Add(prefix + " samples", histogram.Count, "n");
        result.Add(prefix + " p50", histogram.PercentileMs(50), "ms");
        result.Add(prefix + " p90", histogram.PercentileMs(90), "ms");
        result.Add(prefix + " p99", histogram.PercentileMs(99), "ms", max: p99Target);
        result.Add(prefix + " max", histogram.MaxMs, "ms");
        if (histogram.Count == 0)
        {
            result.Failures.Add($"no {prefix} latency samples were measured");
        }
    }
}
