using HalOSwarm.Bench.Cli;
using HalOSwarm.Bench.Measure;
using HalOSwarm.Bench.Report;

namespace HalOSwarm.Bench.Scenarios;

/// <summary>
/// A steady rate for a long time, RSS sampled every 10 s (1 s in --quick); the least-squares slope of RSS after
/// the first minute (first fifth in --quick) says whether memory is flat (target: 10 min at 20,000 events/s).
/// </summary>
internal sealed class SoakScenario : IScenario
{
    public string Name => "soak";

    public async Task<ScenarioResult> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var result = new ScenarioResult(Name);
        var settings = ScenarioDefaults.Resolve(Name, context.Options);
        var quick = context.Options.Quick;
        var o = await LoadRunner.RunAsync(context, new LoadPlan(Name, settings, SampleIntervalSec: quick ? 1 : 10), result, cancellationToken);
        var skip = Math.Min(60, settings.Duration.TotalSeconds / 5);
        var steady = o.SupervisorSamples.Where(x => x.At.TotalSeconds >= skip).ToList();
        result.Add("durable events/s", o.DurableEventsPerSecond, "ev/s", min: settings.Rate > 0 ? settings.Rate * 0.95 : null);
        result.Add("supervisor peak rss", o.SupervisorPeakRssMb, "MB");
        result.Add("rss samples after warmup", steady.Count, "n");
        result.Add("rss slope after warmup", Slope(steady), "MB/min", max: quick ? null : 1);
        LoadRunner.AddCommon(result, o);
        return result;
    }

    /// <summary>Least-squares slope of RSS over time, in MB per minute.</summary>
    private static double Slope(List<ProcessSample> samples)
    {
        if (samples.Count < 3)
        {
            return double.NaN;
        }
        var xs = samples.Select(s => s.At.TotalMinutes).ToArray();
        var ys = samples.Select(s => s.RssMb).ToArray();
        var (mx, my) = (xs.Average(), ys.Average());
        var num = xs.Zip(ys, (x, y) => (x - mx) * (y - my)).Sum();
        var den = xs.Sum(x => (x - mx) * (x - mx));
        return den == 0 ? double.NaN : num / den;
    }
}
