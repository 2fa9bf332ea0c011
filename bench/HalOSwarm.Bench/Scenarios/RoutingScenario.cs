using System.Globalization;
using HalOSwarm.Bench.Cli;
using HalOSwarm.Bench.Report;

namespace HalOSwarm.Bench.Scenarios;

/// <summary>
/// The alert router under load, compared in the same run (issue 12): one fleet offers <c>--rate</c> events/s (10,000)
/// to a supervisor routing through 50 rules (<see cref="RoutingRules"/>); the baseline is the same fleet on a fresh
/// supervisor with no rules, for as long just before and just after (bracketing the routed phase). Target: ingest —
/// durable events/s, and each event's creation → durable ack (e2e) — no more than 5 % slower than the baseline.
/// </summary>
internal sealed class RoutingScenario : IScenario
{
    public string Name => "routing";

    public async Task<ScenarioResult> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var result = new ScenarioResult(Name);
        var s = ScenarioDefaults.Resolve(Name, context.Options);
        result.Parameters["agents"] = Invariant(s.Agents);
        result.Parameters["sessions"] = Invariant(s.Sessions);
        result.Parameters["rate"] = Invariant(s.Rate);
        result.Parameters["duration_s"] = Invariant(s.Duration.TotalSeconds);
        result.Parameters["rules"] = Invariant(RoutingRules.Count);
        var before = await new RoutingPhase(context, s, Name + "-a1", RoutingRules.None(), routed: false).RunAsync(result, cancellationToken);
        var routed = await new RoutingPhase(context, s, Name + "-b", RoutingRules.Channels(), routed: true).RunAsync(result, cancellationToken);
        var after = await new RoutingPhase(context, s, Name + "-a2", RoutingRules.None(), routed: false).RunAsync(result, cancellationToken);
        var baseline = before.Join(after);

        var full = !context.Options.Quick;
        result.Add("durable ev/s, routed", routed.Rate, "ev/s", min: full ? 0.95 * s.Rate : null);
        result.Add("durable ev/s, baseline", baseline.Rate, "ev/s");
        result.Add("slowdown: durable ev/s", Slowdown(baseline.Rate, routed.Rate), "%", max: full ? 5 : null);
        result.Add("durable ev/s, baseline before", before.Rate, "ev/s");
        result.Add("durable ev/s, baseline after", after.Rate, "ev/s");
        result.Add("e2e p50, routed", routed.Latency.PercentileMs(50), "ms");
        result.Add("e2e p99, routed", routed.Latency.PercentileMs(99), "ms");
        result.Add("e2e p50, baseline", baseline.Latency.PercentileMs(50), "ms");
        result.Add("e2e p99, baseline", baseline.Latency.PercentileMs(99), "ms");
        result.Add("e2e p50, baseline before", before.Latency.PercentileMs(50), "ms");
        result.Add("e2e p50, baseline after", after.Latency.PercentileMs(50), "ms");
        result.Add("slowdown: e2e p50", Increase(baseline.Latency.PercentileMs(50), routed.Latency.PercentileMs(50)), "%", max: full ? 5 : null);
        result.Add("slowdown: e2e p99", Increase(baseline.Latency.PercentileMs(99), routed.Latency.PercentileMs(99)), "%");
        result.Add("supervisor cpu per event, routed", routed.CpuMicrosPerEvent, "µs");
        result.Add("supervisor cpu per event, baseline", baseline.CpuMicrosPerEvent, "µs");
        result.Add("more cpu per event", Increase(baseline.CpuMicrosPerEvent, routed.CpuMicrosPerEvent), "%");
        result.Add("bench cpu", routed.BenchCpuPercent, "% core");
        if (routed.Latency.Count == 0 || baseline.Latency.Count == 0)
        {
            result.Failures.Add("no e2e latency samples were measured");
        }
        result.Notes.Add("e2e = an event's creation in the simulated agent's outbox → the supervisor's ack that it is durable (per frame, its last event)");
        result.Notes.Add("baseline = the same fleet on a fresh supervisor with no routes (and no channel named alerts: the router reads nothing), just before and just after the routed phase, as long each");
        return result;
    }

    /// <summary>How much lower <paramref name="with"/> is than <paramref name="without"/>, in % (negative: higher).</summary>
    private static double Slowdown(double without, double with) => without > 0 ? (without - with) / without * 100 : double.NaN;

    /// <summary>How much higher <paramref name="with"/> is than <paramref name="without"/>, in %.</summary>
    private static double Increase(double without, double with) => without > 0 ? (with - without) / without * 100 : double.NaN;

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
