using System.Globalization;
using HalOSwarm.Bench.Cli;
using HalOSwarm.Bench.Load;
using HalOSwarm.Bench.Report;

namespace HalOSwarm.Bench.Scenarios;

/// <summary>
/// The cost ledger under load, compared in the same run: two fleets offer <c>--rate</c> events/s each, one of them only
/// usage events (each booked to the ledger), the other plain ones; the baseline is the same two fleets on a fresh
/// supervisor for as long just before and just after (bracketing the ledger phase, as the machine changes within a
/// minute), the first fleet sending the same events byte for byte typed <c>tool.finished</c>: the same rows and index
/// entries (a delta would be cheaper: it is kept out of the type index), nothing for the session's usage sums or the
/// ledger. Targets (issue 11): the usage events are stored as fast as they are offered (20,000/s), and
/// ingest — durable events/s, and each event's creation → durable ack (e2e) — is no more than 10 % slower than the
/// baseline. Also checks that the ledger booked each usage event once.
/// </summary>
internal sealed class LedgerScenario : IScenario
{
    public string Name => "ledger";

    public async Task<ScenarioResult> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var result = new ScenarioResult(Name);
        var s = ScenarioDefaults.Resolve(Name, context.Options);
        result.Parameters["agents_per_fleet"] = Invariant(s.Agents);
        result.Parameters["sessions"] = Invariant(s.Sessions);
        result.Parameters["rate_per_fleet"] = Invariant(s.Rate);
        result.Parameters["duration_s"] = Invariant(s.Duration.TotalSeconds);
        // Every phase as long as the others: a supervisor's latency drifts with how long it has been writing (its WAL
        // and file grow), so a baseline of shorter phases would not compare.
        var before = await new LedgerPhase(context, s, Name + "-a1", EventMixKind.UsageShaped, s.Duration).RunAsync(result, cancellationToken);
        var ledger = await new LedgerPhase(context, s, Name + "-b", EventMixKind.Usage, s.Duration).RunAsync(result, cancellationToken);
        var after = await new LedgerPhase(context, s, Name + "-a2", EventMixKind.UsageShaped, s.Duration).RunAsync(result, cancellationToken);
        var baseline = before.Join(after);

        var full = !context.Options.Quick;
        result.Add("usage-bearing durable ev/s", ledger.UsageFleetRate, "ev/s", min: full ? 0.95 * s.Rate : null);
        result.Add("plain durable ev/s beside them", ledger.PlainFleetRate, "ev/s");
        result.Add("durable ev/s, ledger phase", ledger.TotalRate, "ev/s");
        result.Add("durable ev/s, baseline", baseline.TotalRate, "ev/s");
        result.Add("slowdown: durable ev/s", Slowdown(baseline.TotalRate, ledger.TotalRate), "%", max: full ? 10 : null);
        // the two halves of the baseline apart: how much the machine drifted around the ledger phase
        result.Add("durable ev/s, baseline before", before.TotalRate, "ev/s");
        result.Add("durable ev/s, baseline after", after.TotalRate, "ev/s");
        result.Add("e2e all p50, baseline before", before.AllLatency.PercentileMs(50), "ms");
        result.Add("e2e all p50, baseline after", after.AllLatency.PercentileMs(50), "ms");
        AddLatency(result, "e2e usage-bearing", ledger.UsageFleetLatency);
        AddLatency(result, "e2e plain beside them", ledger.PlainFleetLatency);
        var ledgerAll = ledger.AllLatency;
        var baselineAll = baseline.AllLatency;
        AddLatency(result, "e2e all, ledger phase", ledgerAll);
        AddLatency(result, "e2e all, baseline", baselineAll);
        result.Add("slowdown: e2e p50", Increase(baselineAll.PercentileMs(50), ledgerAll.PercentileMs(50)), "%", max: full ? 10 : null);
        result.Add("slowdown: e2e p99", Increase(baselineAll.PercentileMs(99), ledgerAll.PercentileMs(99)), "%");
        result.Add("supervisor cpu, ledger phase", ledger.SupervisorCpuPercent, "% core");
        result.Add("supervisor cpu, baseline", baseline.SupervisorCpuPercent, "% core");
        result.Add("supervisor cpu per event, ledger phase", ledger.CpuMicrosPerEvent, "µs");
        result.Add("supervisor cpu per event, baseline", baseline.CpuMicrosPerEvent, "µs");
        result.Add("more cpu per event", Increase(baseline.CpuMicrosPerEvent, ledger.CpuMicrosPerEvent), "%");
        result.Add("bench cpu", ledger.BenchCpuPercent, "% core");
        result.Notes.Add("e2e = an event's creation in the simulated agent's outbox → the supervisor's ack that it is durable (per frame, its last event)");
        result.Notes.Add("baseline = the same two fleets on a fresh supervisor just before and just after the ledger phase (as long each), the first sending the same usage events typed tool.finished (same bytes and index entries, nothing to book)");
        return result;
    }

    /// <summary>How much lower <paramref name="with"/> is than <paramref name="without"/>, in % (negative: higher).</summary>
    private static double Slowdown(double without, double with) => without > 0 ? (without - with) / without * 100 : double.NaN;

    /// <summary>How much higher <paramref name="with"/> is than <paramref name="without"/>, in %.</summary>
    private static double Increase(double without, double with) => without > 0 ? (with - without) / without * 100 : double.NaN;

    private static void AddLatency(ScenarioResult result, string prefix, Measure.LatencyHistogram histogram)
    {
        result.Add(prefix + " p50", histogram.PercentileMs(50), "ms");
        result.Add(prefix + " p99", histogram.PercentileMs(99), "ms");
        if (histogram.Count == 0)
        {
            result.Failures.Add($"no {prefix} latency samples were measured");
        }
    }

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
