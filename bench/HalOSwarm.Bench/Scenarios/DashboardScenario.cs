using System.Diagnostics;
using System.Globalization;
using HalOSwarm.Bench.Cli;
using HalOSwarm.Bench.Dashboard;
using HalOSwarm.Bench.Load;
using HalOSwarm.Bench.Measure;
using HalOSwarm.Bench.Report;

namespace HalOSwarm.Bench.Scenarios;

/// <summary>
/// The dashboard's fleet page under a fleet (issue 13): <c>--agents</c> simulated nodes (2,000) with <c>--sessions</c>
/// each (10: 20,000 sessions) send turns at <c>--rate</c>. Measured in one run: durable events/s with no dashboard,
/// with <see cref="Dashboards"/> fleet pages open (pages of one nice'd headless chromium, each a live Blazor circuit),
/// and with none again (bracketing); each page's first render (navigation → rows shown and live); and the live update
/// latency (a node's connection dropped → its sessions shown "node offline" on a page filtered to that node).
/// Target: ingest with the dashboards open no more than 10 % lower than without.
/// </summary>
internal sealed class DashboardScenario : IScenario
{
    public const int Dashboards = 20;

    public string Name => "dashboard";

    public async Task<ScenarioResult> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var result = new ScenarioResult(Name);
        var s = ScenarioDefaults.Resolve(Name, context.Options);
        var dashboards = context.Options.Quick ? 2 : Dashboards;
        result.Parameters["agents"] = Invariant(s.Agents);
        result.Parameters["sessions"] = Invariant(s.Agents * s.Sessions);
        result.Parameters["rate"] = Invariant(s.Rate);
        result.Parameters["dashboards"] = Invariant(dashboards);
        await using var target = await context.AcquireTargetAsync(s.HeartbeatSec, cancellationToken);
        await using var fleet = new Fleet(context.RunId, Name, new LoadProfile(s.Agents, s.Sessions, s.Rate, s.Batch, s.Window, EventMixKind.Turns));
        await fleet.ConnectAsync(target.AgentUrl, target.Token, 32, cancellationToken);
        await using var supervisor = target.Pid is { } pid ? new ProcessSampler(pid, TimeSpan.FromSeconds(1)) : null;
        fleet.StartPumps(generate: true);
        await Task.Delay(s.Warmup, cancellationToken);
        var (before, cpuBefore) = await RateAsync(fleet, supervisor, s.Duration, cancellationToken);
        context.Progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  [dashboard] no dashboard: {before:#,0}/s durable"));

        using var api = target.CreateApiClient(TimeSpan.FromSeconds(120));
        var open = new List<double>();
        double with;
        double cpuWith;
        double liveMs;
        await using (var browser = await DashboardBrowser.StartAsync(target.ApiUrl, api, context.RunId, cancellationToken))
        {
            for (var i = 0; i < dashboards; i++)
            {
                open.Add((await browser.OpenFleetAsync()).TotalMilliseconds);
                context.Progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  [dashboard] page {i + 1} rendered in {open[^1]:0} ms"));
            }
            await Task.Delay(s.Warmup, cancellationToken);
            (with, cpuWith) = await RateAsync(fleet, supervisor, s.Duration, cancellationToken);
            context.Progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  [dashboard] {dashboards} dashboards: {with:#,0}/s durable"));
            liveMs = await LiveUpdateAsync(browser, fleet.Agents[^1], cancellationToken);
        }
        var (after, cpuAfter) = await RateAsync(fleet, supervisor, s.Duration, cancellationToken);
        var baseline = (before + after) / 2;

        var full = !context.Options.Quick;
        result.Add("durable ev/s, no dashboard (before)", before, "ev/s");
        result.Add("durable ev/s, no dashboard (after)", after, "ev/s");
        result.Add($"durable ev/s, {dashboards} dashboards", with, "ev/s");
        result.Add("slowdown with dashboards", baseline > 0 ? (baseline - with) / baseline * 100 : double.NaN, "%", max: full ? 10 : null);
        result.Add("supervisor cpu, no dashboard (before/after mean)", (cpuBefore + cpuAfter) / 2, "% core");
        result.Add($"supervisor cpu, {dashboards} dashboards", cpuWith, "% core");
        result.Add("first render, first page", open[0], "ms");
        result.Add("first render p50", open.Order().ElementAt(open.Count / 2), "ms");
        result.Add("first render max", open.Max(), "ms");
        result.Add("live update (node offline → shown)", liveMs, "ms");
        result.Failures.AddRange(fleet.Disconnected.Where(d => !d.Contains(fleet.Agents[^1].Identity.NodeId, StringComparison.Ordinal)).Select(d => $"connection lost: {d}"));
        result.Notes.Add("dashboard = one fleet page (a Blazor circuit) in a headless chromium run with nice -n 10, all pages in one browser");
        result.Notes.Add("first render = navigation → the first session rows shown and the page live; live update = a node's connection aborted → its sessions shown 'node offline'");
        await fleet.CloseAsync(cancellationToken);
        return result;
    }

    private static async Task<(double Rate, double CpuPercent)> RateAsync(Fleet fleet, ProcessSampler? supervisor, TimeSpan duration, CancellationToken cancellationToken)
    {
        var start = fleet.TotalAcked;
        var cpuStart = supervisor?.Mark();
        var watch = Stopwatch.StartNew();
        await Task.Delay(duration, cancellationToken);
        var rate = (fleet.TotalAcked - start) / watch.Elapsed.TotalSeconds;
        return (rate, supervisor is null ? double.NaN : ProcessSampler.CpuPercent(cpuStart, supervisor.Mark()));
    }

    /// <summary>The first page filtered to <paramref name="agent"/>'s node; its connection aborted; time until shown offline.</summary>
    private static async Task<double> LiveUpdateAsync(DashboardBrowser browser, SimAgent agent, CancellationToken cancellationToken)
    {
        var page = browser.Pages[0];
        var node = agent.Identity.NodeId;
        await page.FillAsync("#filter-node", node);
        await page.Locator($"[data-testid=session-row][data-session-id='{agent.Identity.SessionIds[0]}']").WaitForAsync();
        var offline = page.Locator("[data-testid=session-attention]", new() { HasTextString = "node offline" }).First;
        var watch = Stopwatch.StartNew();
        await agent.AbortAsync();
        await offline.WaitForAsync();
        cancellationToken.ThrowIfCancellationRequested();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
