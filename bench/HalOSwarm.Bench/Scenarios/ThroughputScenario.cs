using HalOSwarm.Bench.Cli;
using HalOSwarm.Bench.Report;

namespace HalOSwarm.Bench.Scenarios;

/// <summary>Durable events/s from many agents sending as fast as acks allow (target ≥ 100,000/s from 200 × 10 for 60 s).</summary>
internal sealed class ThroughputScenario : IScenario
{
    public string Name => "throughput";

    public async Task<ScenarioResult> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var result = new ScenarioResult(Name);
        var settings = ScenarioDefaults.Resolve(Name, context.Options);
        var o = await LoadRunner.RunAsync(context, new LoadPlan(Name, settings), result, cancellationToken);
        var full = !context.Options.Quick;
        result.Add("durable events/s", o.DurableEventsPerSecond, "ev/s", min: full ? 100_000 : null);
        result.Add("events acked in window", o.EventsAcked, "events");
        if (context.CeilingRowsPerSecond is { } ceiling)
        {
            result.Add($"fraction of {context.Database} ceiling", o.DurableEventsPerSecond / ceiling * 100, "%");
        }
        result.Add("supervisor peak rss", o.SupervisorPeakRssMb, "MB");
        LoadRunner.AddCommon(result, o);
        return result;
    }
}
