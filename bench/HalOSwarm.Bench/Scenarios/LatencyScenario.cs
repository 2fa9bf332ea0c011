using HalOSwarm.Bench.Cli;
using HalOSwarm.Bench.Report;

namespace HalOSwarm.Bench.Scenarios;

/// <summary>
/// End-to-end latency at a fixed rate: from the event's creation in the simulated agent's outbox to its arrival
/// on a live <c>/api/v1/events/stream</c> subscriber (target p99 ≤ 50 ms at 5,000 events/s from 200 agents).
/// </summary>
internal sealed class LatencyScenario : IScenario
{
    public string Name => "latency";

    public async Task<ScenarioResult> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var result = new ScenarioResult(Name);
        var settings = ScenarioDefaults.Resolve(Name, context.Options);
        var o = await LoadRunner.RunAsync(context, new LoadPlan(Name, settings, Subscribe: true), result, cancellationToken);
        var full = !context.Options.Quick;
        result.Add("durable events/s", o.DurableEventsPerSecond, "ev/s");
        result.Add("streamed events/s", o.StreamedEvents / o.MeasuredSeconds, "ev/s");
        AddLatency(result, "e2e", o.EndToEnd!, full ? 50 : null);
        result.Add("supervisor peak rss", o.SupervisorPeakRssMb, "MB");
        LoadRunner.AddCommon(result, o);
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
