using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using HalOSwarm.Bench.Cli;
using HalOSwarm.Bench.Load;
using HalOSwarm.Bench.Measure;
using HalOSwarm.Bench.Report;

namespace HalOSwarm.Bench.Scenarios;

/// <summary>
/// One phase of the routing scenario on a supervisor of its own with <paramref name="channels"/>: one fleet at the
/// offered rate (turns of coding sessions), then drain and check every event stored once; with rules, also what the
/// router stored and how far behind the newest event its cursor was when the load stopped.
/// </summary>
internal sealed class RoutingPhase(ScenarioContext context, ScenarioSettings settings, string name, JsonElement channels, bool routed)
{
    public async Task<RoutingPhaseOutcome> RunAsync(ScenarioResult result, CancellationToken cancellationToken)
    {
        var s = settings;
        await using var target = await context.AcquireTargetAsync(s.HeartbeatSec, channels, cancellationToken);
        await using var fleet = new Fleet(context.RunId, name, new LoadProfile(s.Agents, s.Sessions, s.Rate, s.Batch, s.Window, EventMixKind.Turns));
        await fleet.ConnectAsync(target.AgentUrl, target.Token, 32, cancellationToken);
        await using var supervisor = target.Pid is { } pid ? new ProcessSampler(pid, TimeSpan.FromSeconds(1)) : null;
        await using var self = new ProcessSampler(Environment.ProcessId, TimeSpan.FromSeconds(1));

        fleet.StartPumps(generate: true);
        await Task.Delay(s.Warmup, cancellationToken);
        fleet.DurableLatency.Reset();
        var start = fleet.TotalAcked;
        var (supStart, selfStart) = (supervisor?.Mark(), self.Mark());
        var watch = Stopwatch.StartNew();
        await Task.Delay(s.Duration, cancellationToken);
        var seconds = watch.Elapsed.TotalSeconds;
        var acked = fleet.TotalAcked - start;
        var (supEnd, selfEnd) = (supervisor?.Mark(), self.Mark());
        var latency = new LatencyHistogram();
        latency.Add(fleet.DurableLatency);
        context.Progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  [routing:{name}] {seconds:0.0}s: {acked / seconds:#,0}/s durable"));
        if (routed && target.DatabasePath is { } atLoadEnd)
        {
            var (_, _, behind) = await AlertCounter.CountAsync(atLoadEnd, cancellationToken);
            result.Add("router cursor behind the newest event when the load stopped", behind, "events");
        }

        result.Failures.AddRange(fleet.Disconnected.Select(d => $"{name}: connection lost: {d}"));
        if (!await fleet.DrainAsync(TimeSpan.FromSeconds(60), cancellationToken))
        {
            result.Failures.Add($"{name}: {fleet.Agents.Sum(a => a.Created - a.Acked)} created events still unacknowledged 60 s after the load stopped");
        }
        if (fleet.TotalOutboxFull > 0)
        {
            result.Notes.Add($"{name}: agents' outboxes were full {fleet.TotalOutboxFull} times: the supervisor fell behind the offered rate");
        }
        if (context.Options.Verify && target.DatabasePath is { } path)
        {
            var problems = StoreVerifier.Check(await StoreVerifier.CountAsync(Target.BenchStore.Sqlite(path), cancellationToken), fleet.Agents);
            result.Failures.AddRange(problems.Select(p => $"{name}: {p}"));
            result.Notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{name}: {fleet.TotalCreated:#,0} events of {fleet.Agents.Count} nodes: {(problems.Count == 0 ? "all stored exactly once" : problems.Count + " nodes wrong")}"));
            if (routed)
            {
                var (alerts, deliveries, _) = await AlertCounter.CountAsync(path, cancellationToken);
                result.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: the router stored {alerts:#,0} alerts with {deliveries:#,0} deliveries"));
                if (alerts == 0)
                {
                    result.Failures.Add($"{name}: the router stored no alert (rules that match the bench's events should have made some)");
                }
            }
        }
        await LoadRunner.CompareMetricsAsync(context, target, result, cancellationToken);
        await fleet.CloseAsync(cancellationToken);
        return new RoutingPhaseOutcome(seconds, acked, latency, ProcessSampler.CpuPercent(supStart, supEnd), ProcessSampler.CpuPercent(selfStart, selfEnd));
    }
}
