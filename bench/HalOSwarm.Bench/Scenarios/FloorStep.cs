using System.Globalization;
using HalOSwarm.Bench.Ceiling;
using HalOSwarm.Bench.Cli;
using HalOSwarm.Bench.Report;

namespace HalOSwarm.Bench.Scenarios;

/// <summary>
/// Measures the commit-latency floor (<see cref="CommitFloor"/>) at a scenario's rate and batch size, just before
/// the scenario starts its supervisor, and adds it to the scenario's table next to the figures it bounds.
/// </summary>
internal static class FloorStep
{
    /// <summary>Longest floor run: enough for p99 over a few dozen checkpoints, short next to the scenario.</summary>
    private static readonly TimeSpan s_maxDuration = TimeSpan.FromSeconds(20);

    public static async Task<FloorResult> MeasureAsync(ScenarioContext context, ScenarioSettings settings, ScenarioResult result, CancellationToken cancellationToken)
    {
        var synchronous = context.Options.Synchronous ?? "normal";
        var duration = settings.Duration < s_maxDuration ? settings.Duration : s_maxDuration;
        var floor = await CommitFloor.MeasureAsync(settings.Rate, settings.Batch, settings.Warmup, duration, synchronous, cancellationToken);
        result.Parameters["synchronous"] = synchronous;
        result.Add("floor p50 (bare sqlite commit loop)", floor.Latency.PercentileMs(50), "ms");
        result.Add("floor p99", floor.Latency.PercentileMs(99), "ms");
        result.Add("floor max", floor.Latency.MaxMs, "ms");
        result.Add("floor commit duration p99", floor.CommitDuration.PercentileMs(99), "ms");
        result.Add("floor events per commit", floor.Commits > 0 ? (double)floor.Events / floor.Commits : double.NaN, "n");
        result.Notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"floor: {floor.Events:#,0} events in {floor.Commits:#,0} commits over {floor.Seconds:0} s at rate {(settings.Rate > 0 ? settings.Rate.ToString("#,0", CultureInfo.InvariantCulture) : "max")}, at most {settings.Batch} per commit, synchronous={synchronous}, {floor.Checkpoints} background checkpoints; measured before the supervisor started"));
        if (floor.Latency.Count == 0)
        {
            result.Failures.Add("the commit-latency floor measured no commits");
        }
        return floor;
    }
}
