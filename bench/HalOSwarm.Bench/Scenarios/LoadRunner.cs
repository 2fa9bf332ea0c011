using System.Diagnostics;
using System.Globalization;
using HalOSwarm.Bench.Load;
using HalOSwarm.Bench.Measure;
using HalOSwarm.Bench.Report;

namespace HalOSwarm.Bench.Scenarios;

/// <summary>
/// Runs one fleet against a supervisor: connect, warm up, measure for the duration (subscriber and command
/// driver optional), drain, check connections and stored events. Correctness problems go to
/// <see cref="ScenarioResult.Failures"/>.
/// </summary>
internal static class LoadRunner
{
    public static async Task<LoadOutcome> RunAsync(ScenarioContext context, LoadPlan plan, ScenarioResult result, CancellationToken cancellationToken)
    {
        var s = plan.Settings;
        var profile = new LoadProfile(s.Agents, s.Sessions, s.Rate, s.Batch, s.Window);
        result.Parameters["agents"] = Invariant(s.Agents);
        result.Parameters["sessions"] = Invariant(s.Sessions);
        result.Parameters["rate"] = s.Rate > 0 ? Invariant(s.Rate) : "max";
        result.Parameters["duration_s"] = Invariant(s.Duration.TotalSeconds);
        result.Parameters["batch"] = Invariant(s.Batch);
        result.Parameters["window"] = Invariant(s.Window);

        await using var target = await context.AcquireTargetAsync(s.HeartbeatSec, null, plan.Supervisors, cancellationToken);
        result.Parameters["database"] = target.Store?.Provider ?? "unknown";
        if (target.Peers.Count > 0)
        {
            result.Parameters["supervisors"] = Invariant(target.All.Count);
        }
        using var http = target.CreateApiClient(TimeSpan.FromSeconds(30));
        await using var fleet = new Fleet(context.RunId, plan.Name, profile);
        var connectTime = await fleet.ConnectAsync([.. target.All.Select(t => t.AgentUrl)], target.Token, 32, cancellationToken);
        result.Parameters["heartbeat_s"] = Invariant(fleet.Agents[0].HeartbeatIntervalSec);

        await using var subscriber = plan.Subscribe ? new SseSubscriber(http, context.NodePrefix(plan.Name), context.Options.SampleEvery) : null;
        subscriber?.Start();
        await using var supervisors = new SupervisorSamplers([.. target.All.Where(t => t.Pid is not null).Select(t => t.Pid!.Value)], TimeSpan.FromSeconds(plan.SampleIntervalSec));
        await using var self = new ProcessSampler(Environment.ProcessId, TimeSpan.FromSeconds(plan.SampleIntervalSec));
        var database = context.Postgres is not null ? new ProcessGroupCpu("postgres") : null;

        fleet.StartPumps(generate: true);
        await Task.Delay(s.Warmup, cancellationToken);
        if (subscriber is not null)
        {
            await subscriber.WaitConnectedAsync(TimeSpan.FromSeconds(10), cancellationToken);
        }
        subscriber?.Latency.Reset();
        fleet.AckLatency.Reset();
        fleet.CommandTurnaround.Reset();
        var stagesAtStart = await WriterStages.ScrapeAsync(http, cancellationToken);
        var ackedAtStart = fleet.TotalAcked;
        var (supStart, selfStart, dbStart) = (supervisors.Mark(), self.Mark(), database?.Read());
        var streamedAtStart = subscriber?.Received ?? 0;
        var watch = Stopwatch.StartNew();

        fleet.CommandTimes.Clear();
        var commands = plan.Commands ? new CommandDriver(http, fleet.Agents, fleet.CommandTimes) : null;
        using var commandCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var commandTask = commands?.RunAsync(s.CommandRate, 8, commandCts.Token, cancellationToken) ?? Task.CompletedTask;
        await ReportProgressAsync(context, plan.Name, fleet, s.Duration, cancellationToken);
        await commandCts.CancelAsync();
        await commandTask;

        var seconds = watch.Elapsed.TotalSeconds;
        WriterStages.Report(result, stagesAtStart, await WriterStages.ScrapeAsync(http, cancellationToken));
        var acked = fleet.TotalAcked - ackedAtStart;
        var (supEnd, selfEnd, dbEnd) = (supervisors.Mark(), self.Mark(), database?.Read());
        var streamed = (subscriber?.Received ?? 0) - streamedAtStart;

        var online = 0;
        if (plan.CheckOnline)
        {
            var nodes = await ApiProbe.NodesAsync(http, context.NodePrefix(plan.Name), cancellationToken);
            online = nodes.Values.Count(n => n.Status == "online");
            if (online != s.Agents)
            {
                result.Failures.Add($"{s.Agents - online} of {s.Agents} nodes not online at the end of the run");
            }
            if (target.Peers.Count > 0)
            {
                result.Notes.Add("online nodes by the supervisor holding them: " + string.Join(", ", nodes.Values.Where(n => n.Status == "online")
                    .GroupBy(n => n.SupervisorId ?? "?").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")));
            }
        }
        result.Failures.AddRange(fleet.Disconnected.Select(d => "connection lost: " + d));
        if (!await fleet.DrainAsync(TimeSpan.FromSeconds(60), cancellationToken))
        {
            var behind = fleet.Agents.Sum(a => a.Created - a.Acked);
            result.Failures.Add($"{behind} created events still unacknowledged 60 s after the load stopped");
        }
        if (fleet.TotalReplays > 0)
        {
            result.Notes.Add($"{fleet.TotalReplays} replay requests from the supervisor (a gap it saw)");
        }
        if (fleet.TotalOutboxFull > 0)
        {
            result.Notes.Add($"agents' outboxes were full {fleet.TotalOutboxFull} times: the supervisor fell behind the offered rate");
        }
        if (subscriber?.Error is { } sseError)
        {
            result.Failures.Add("event stream failed: " + sseError);
        }
        if (commands?.LastError is { } commandError)
        {
            result.Notes.Add("last command error: " + commandError);
        }
        await VerifyAsync(context, target.Store, fleet, result, cancellationToken);
        await CompareMetricsAsync(context, target, result, cancellationToken);
        await fleet.CloseAsync(cancellationToken);

        var samples = supervisors.FirstSamples;
        return new LoadOutcome(
            seconds,
            acked,
            acked / seconds,
            SupervisorSamplers.CpuPercent(supStart, supEnd),
            ProcessSampler.CpuPercent(selfStart, selfEnd),
            supervisors.PeakRssMb,
            supEnd.Count > 0 ? supEnd.Max(x => x?.RssMb ?? double.NaN) : double.NaN,
            samples,
            connectTime,
            fleet.AckLatency,
            subscriber?.Latency,
            streamed,
            commands?.RoundTrip,
            fleet.CommandTurnaround,
            commands?.Succeeded ?? 0,
            commands?.Failed ?? 0,
            online,
            fleet.TotalHeartbeatsSent,
            ProcessGroupCpu.Percent(dbStart, dbEnd),
            commands?.ToAgent,
            commands?.FromAgent);
    }

    public static async Task VerifyAsync(ScenarioContext context, Target.BenchStore? store, Fleet fleet, ScenarioResult result, CancellationToken cancellationToken)
    {
        if (!context.Options.Verify)
        {
            return;
        }
        if (store is null)
        {
            result.Notes.Add("stored events not verified: pass --db with the supervisor's SQLite file");
            return;
        }
        var watch = Stopwatch.StartNew();
        var stored = await StoreVerifier.CountAsync(store, cancellationToken);
        var problems = StoreVerifier.Check(stored, fleet.Agents);
        result.Failures.AddRange(problems);
        result.Add("events produced = stored once", problems.Count == 0 ? fleet.TotalCreated : fleet.TotalCreated - problems.Count, "events");
        result.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"verified {fleet.TotalCreated:#,0} events of {fleet.Agents.Count} nodes in {store.Provider} in {watch.Elapsed.TotalSeconds:0.0} s: {(problems.Count == 0 ? "all stored exactly once" : problems.Count + " nodes wrong")}"));
    }

    /// <summary>
    /// Scrapes <c>/metrics</c> at the end of the run and reports, in one line, whether its event and command counters
    /// equal the stored rows. A difference fails a supervisor the bench started (its database is new); for a running
    /// one it is only reported, since its database may predate the process whose counters are read. A supervisor without
    /// <c>/metrics</c> is only noted.
    /// </summary>
    public static async Task CompareMetricsAsync(ScenarioContext context, Target.SupervisorTarget target, ScenarioResult result, CancellationToken cancellationToken)
    {
        if (target.Store is not { } store)
        {
            result.Notes.Add("/metrics not compared with the store: pass --db with the supervisor's SQLite file");
            return;
        }
        var clients = target.All.Select(t => t.CreateApiClient(TimeSpan.FromSeconds(30))).ToList();
        bool match;
        string line;
        try
        {
            (match, line) = await MetricsCheck.CompareAsync(clients, store, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            // A supervisor older than /metrics (a before/after comparison) answers 404: nothing to compare.
            result.Notes.Add("/metrics not read: " + ex.Message);
            return;
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
        if (match || context.Options.External)
        {
            result.Notes.Add(line);
        }
        else
        {
            result.Failures.Add(line);
        }
    }

    public static void AddCommon(ScenarioResult result, LoadOutcome o)
    {
        result.Add("ack latency p50", o.AckLatency.PercentileMs(50), "ms");
        result.Add("ack latency p99", o.AckLatency.PercentileMs(99), "ms");
        result.Add("supervisor cpu", o.SupervisorCpuPercent, "% core");
        if (!double.IsNaN(o.DatabaseCpuPercent))
        {
            result.Add("postgres cpu (all its processes)", o.DatabaseCpuPercent, "% core");
        }
        result.Add("bench cpu", o.BenchCpuPercent, "% core");
        result.Add("supervisor rss end", o.SupervisorEndRssMb, "MB");
        result.Add("connect all agents", o.ConnectTime.TotalMilliseconds, "ms");
    }

    private static async Task ReportProgressAsync(ScenarioContext context, string name, Fleet fleet, TimeSpan duration, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var last = fleet.TotalAcked;
        var step = TimeSpan.FromSeconds(duration.TotalSeconds >= 60 ? 10 : Math.Max(1, duration.TotalSeconds / 2));
        var lastAt = TimeSpan.Zero;
        for (var remaining = duration; remaining > TimeSpan.FromMilliseconds(20); remaining = duration - watch.Elapsed)
        {
            await Task.Delay(remaining < step ? remaining : step, cancellationToken);
            var (now, at) = (fleet.TotalAcked, watch.Elapsed);
            context.Progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  [{name}] t={at.TotalSeconds:0}s acked={now:#,0} ({(now - last) / (at - lastAt).TotalSeconds:#,0}/s) online={fleet.Agents.Count(a => a.Connected)}"));
            (last, lastAt) = (now, at);
        }
    }

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
