using System.Diagnostics;
using System.Globalization;
using HalOSwarm.Bench.Cli;
using HalOSwarm.Bench.Load;
using HalOSwarm.Bench.Measure;
using HalOSwarm.Bench.Report;

namespace HalOSwarm.Bench.Scenarios;

/// <summary>
/// An agent comes back with a big outbox: it sends the first 5 %, drops the connection without a close (as a
/// crash would), reconnects, and from the welcome's durable_seq sends the rest as fast as acks allow. Measures
/// the drain from welcome to the last ack (target: 1,000,000 events in ≤ 20 s) and checks every seq is stored once.
/// </summary>
internal sealed class BacklogScenario : IScenario
{
    public string Name => "backlog";

    public async Task<ScenarioResult> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var result = new ScenarioResult(Name);
        var s = ScenarioDefaults.Resolve(Name, context.Options);
        result.Parameters["events"] = s.BacklogEvents.ToString(CultureInfo.InvariantCulture);
        result.Parameters["batch"] = s.Batch.ToString(CultureInfo.InvariantCulture);
        result.Parameters["window"] = s.Window.ToString(CultureInfo.InvariantCulture);
        await using var target = await context.AcquireTargetAsync(s.HeartbeatSec, cancellationToken);
        var profile = new LoadProfile(1, s.Sessions, 0, s.Batch, s.Window);
        await using var fleet = new Fleet(context.RunId, Name, profile, s.BacklogEvents + 1);
        var agent = fleet.Agents[0];
        agent.Preload(s.BacklogEvents);

        await agent.ConnectAsync(target.AgentUrl, target.Token, cancellationToken);
        using (var firstPart = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var pump = agent.PumpAsync(generate: false, firstPart.Token);
            var cut = s.BacklogEvents / 20;
            var waited = Stopwatch.StartNew();
            while (agent.Acked < cut && waited.Elapsed < TimeSpan.FromSeconds(60) && !pump.IsCompleted)
            {
                await Task.Delay(5, cancellationToken);
            }
            await agent.AbortAsync();
            await firstPart.CancelAsync();
            await pump;
        }
        var ackedBeforeCut = agent.Acked;

        await using var supervisor = target.Pid is { } pid ? new ProcessSampler(pid, TimeSpan.FromSeconds(1)) : null;
        await using var self = new ProcessSampler(Environment.ProcessId, TimeSpan.FromSeconds(1));
        await ReconnectAsync(agent, target.AgentUrl, target.Token, cancellationToken);
        var (supStart, selfStart) = (supervisor?.Mark(), self.Mark());
        var watch = Stopwatch.StartNew();
        using var drainCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        drainCts.CancelAfter(TimeSpan.FromSeconds(Math.Max(60, s.BacklogEvents / 10_000.0)));
        await agent.PumpAsync(generate: false, drainCts.Token);
        var seconds = watch.Elapsed.TotalSeconds;
        var (supEnd, selfEnd) = (supervisor?.Mark(), self.Mark());
        var drained = agent.Acked - agent.WelcomeDurableSeq;

        if (agent.Acked < agent.Created)
        {
            result.Failures.Add($"drain stopped at seq {agent.Acked} of {agent.Created}: {agent.CloseReason ?? "timed out"}");
        }
        result.Add("drain time", seconds, "s", max: context.Options.Quick ? null : 20);
        result.Add("drain rate", drained / seconds, "ev/s");
        result.Add("acked before the cut", ackedBeforeCut, "seq");
        result.Add("welcome durable_seq", agent.WelcomeDurableSeq, "seq");
        result.Add("events resent after welcome", agent.Created - agent.WelcomeDurableSeq, "events");
        result.Add("replays", agent.Counters.Replays, "n");
        result.Add("supervisor cpu", ProcessSampler.CpuPercent(supStart, supEnd), "% core");
        result.Add("bench cpu", ProcessSampler.CpuPercent(selfStart, selfEnd), "% core");
        result.Add("supervisor peak rss", supervisor?.Samples.Max(x => x.PeakRssMb) ?? double.NaN, "MB");
        if (agent.WelcomeDurableSeq < ackedBeforeCut)
        {
            result.Failures.Add($"welcome durable_seq {agent.WelcomeDurableSeq} is below the seq {ackedBeforeCut} acked before the cut");
        }
        await LoadRunner.VerifyAsync(context, target.Store, fleet, result, cancellationToken);
        await LoadRunner.CompareMetricsAsync(context, target, result, cancellationToken);
        await fleet.CloseAsync(cancellationToken);
        return result;
    }

    /// <summary>The supervisor may not have noticed the dropped socket yet (4409): retry for up to 15 s.</summary>
    private static async Task ReconnectAsync(SimAgent agent, Uri url, string token, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await agent.ConnectAsync(url, token, cancellationToken);
                return;
            }
            catch (Exception ex) when (ex is InvalidOperationException or System.Net.WebSockets.WebSocketException && watch.Elapsed < TimeSpan.FromSeconds(15))
            {
                await agent.AbortAsync();
                await Task.Delay(200, cancellationToken);
            }
        }
    }
}
