using System.Diagnostics;
using System.Globalization;
using HalOSwarm.Bench.Cli;
using HalOSwarm.Bench.Load;
using HalOSwarm.Bench.Measure;
using HalOSwarm.Bench.Report;

namespace HalOSwarm.Bench.Scenarios;

/// <summary>
/// One phase of the ledger scenario on a supervisor of its own: two fleets at the same rate at once, one sending
/// <paramref name="usageFleetMix"/> (usage events, or plain ones for the baseline), the other plain events; then drain,
/// check every event stored once, and (when the first fleet sent usage) that the ledger booked each usage event once.
/// </summary>
internal sealed class LedgerPhase(ScenarioContext context, ScenarioSettings settings, string name, EventMixKind usageFleetMix, TimeSpan duration)
{
    /// <summary>What every usage event of the bench reports (see <see cref="EventFrameWriter"/>), in nano-dollars.</summary>
    private const long CostNanosPerUsage = 12_300_000;

    public async Task<LedgerPhaseOutcome> RunAsync(ScenarioResult result, CancellationToken cancellationToken)
    {
        var s = settings;
        await using var target = await context.AcquireTargetAsync(s.HeartbeatSec, cancellationToken);
        await using var usageFleet = new Fleet(context.RunId, name + "u", new LoadProfile(s.Agents, s.Sessions, s.Rate, s.Batch, s.Window, usageFleetMix));
        await using var plainFleet = new Fleet(context.RunId, name + "p", new LoadProfile(s.Agents, s.Sessions, s.Rate, s.Batch, s.Window, EventMixKind.Plain));
        await usageFleet.ConnectAsync(target.AgentUrl, target.Token, 32, cancellationToken);
        await plainFleet.ConnectAsync(target.AgentUrl, target.Token, 32, cancellationToken);
        await using var supervisor = target.Pid is { } pid ? new ProcessSampler(pid, TimeSpan.FromSeconds(1)) : null;
        await using var self = new ProcessSampler(Environment.ProcessId, TimeSpan.FromSeconds(1));

        usageFleet.StartPumps(generate: true);
        plainFleet.StartPumps(generate: true);
        await Task.Delay(s.Warmup, cancellationToken);
        usageFleet.DurableLatency.Reset();
        plainFleet.DurableLatency.Reset();
        var (usageStart, plainStart) = (usageFleet.TotalAcked, plainFleet.TotalAcked);
        var (supStart, selfStart) = (supervisor?.Mark(), self.Mark());
        var watch = Stopwatch.StartNew();
        await Task.Delay(duration, cancellationToken);
        var seconds = watch.Elapsed.TotalSeconds;
        var (usageAcked, plainAcked) = (usageFleet.TotalAcked - usageStart, plainFleet.TotalAcked - plainStart);
        var (supEnd, selfEnd) = (supervisor?.Mark(), self.Mark());
        var usageLatency = Snapshot(usageFleet.DurableLatency);
        var plainLatency = Snapshot(plainFleet.DurableLatency);
        context.Progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  [ledger:{name}] {seconds:0.0}s: first fleet ({usageFleetMix}) {usageAcked / seconds:#,0}/s, plain fleet {plainAcked / seconds:#,0}/s"));

        foreach (var fleet in new[] { usageFleet, plainFleet })
        {
            result.Failures.AddRange(fleet.Disconnected.Select(d => $"{name}: connection lost: {d}"));
            if (!await fleet.DrainAsync(TimeSpan.FromSeconds(60), cancellationToken))
            {
                result.Failures.Add($"{name}: {fleet.Agents.Sum(a => a.Created - a.Acked)} created events still unacknowledged 60 s after the load stopped");
            }
            if (fleet.TotalOutboxFull > 0)
            {
                result.Notes.Add($"{name}: agents' outboxes were full {fleet.TotalOutboxFull} times: the supervisor fell behind the offered rate");
            }
        }
        await VerifyAsync(target.DatabasePath, usageFleet, plainFleet, usageFleetMix == EventMixKind.Usage, result, cancellationToken);
        await LoadRunner.CompareMetricsAsync(context, target, result, cancellationToken);
        await usageFleet.CloseAsync(cancellationToken);
        await plainFleet.CloseAsync(cancellationToken);
        return new LedgerPhaseOutcome(seconds, usageAcked, plainAcked, usageLatency, plainLatency,
            ProcessSampler.CpuPercent(supStart, supEnd), ProcessSampler.CpuPercent(selfStart, selfEnd));
    }

    private async Task VerifyAsync(string? databasePath, Fleet usageFleet, Fleet plainFleet, bool ledger, ScenarioResult result, CancellationToken cancellationToken)
    {
        if (!context.Options.Verify || databasePath is null)
        {
            return;
        }
        var stored = await StoreVerifier.CountAsync(Target.BenchStore.Sqlite(databasePath), cancellationToken);
        var problems = StoreVerifier.Check(stored, [.. usageFleet.Agents, .. plainFleet.Agents]);
        result.Failures.AddRange(problems.Select(p => $"{name}: {p}"));
        result.Notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {usageFleet.TotalCreated + plainFleet.TotalCreated:#,0} events of {usageFleet.Agents.Count + plainFleet.Agents.Count} nodes: {(problems.Count == 0 ? "all stored exactly once" : problems.Count + " nodes wrong")}"));
        if (!ledger)
        {
            return;
        }
        var (usageEvents, booked, costNanos) = await LedgerVerifier.CountAsync(databasePath, context.NodePrefix(name + "u"), cancellationToken);
        if (booked != usageEvents || costNanos != usageEvents * CostNanosPerUsage)
        {
            result.Failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"{name}: {usageEvents:#,0} usage events stored, the ledger booked {booked:#,0} messages and {costNanos / 1e9:0.######} USD (expected {usageEvents * CostNanosPerUsage / 1e9:0.######})"));
            return;
        }
        result.Notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"{name}: the ledger booked each of the {usageEvents:#,0} usage events once ({costNanos / 1e9:#,0.######} USD)"));
    }

    private static LatencyHistogram Snapshot(LatencyHistogram live)
    {
        var copy = new LatencyHistogram();
        copy.Add(live);
        return copy;
    }
}
