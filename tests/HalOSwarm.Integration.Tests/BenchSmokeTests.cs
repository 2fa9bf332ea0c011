using System.Text.Json;
using HalOSwarm.Testing;
using HalOSwarm.Testing.Processes;

namespace HalOSwarm.Integration.Tests;

/// <summary>
/// hal-bench at a tiny scale against the built supervisor: every event the simulated agents produced is stored
/// exactly once (the bench checks it in the supervisor's SQLite file and exits 1 otherwise). Not a timed test: the
/// performance targets are only reported, never asserted.
/// </summary>
public sealed class BenchSmokeTests
{
    private static string BenchDll =>
        Path.Combine(RepoPaths.Root, "bench", "HalOSwarm.Bench", "bin", RepoPaths.Configuration, "net10.0", "hal-bench.dll");

    [Fact]
    public async Task HalBench_TinyRun_EveryEventStoredExactlyOnce()
    {
        using var dir = new TempDirectory("hal-bench-smoke");
        var json = dir.Combine("bench.json");
        await using var bench = TestProcess.StartDotnet("hal-bench", BenchDll,
        [
            "-s", "throughput,latency,commands,backlog",
            // Paced below what the supervisor takes, so prompts are answered within the short run (under
            // back-pressure a command result waits behind the agent's events; see docs/PERFORMANCE.md).
            "--agents", "4", "--sessions", "2", "--duration", "3", "--rate", "2000",
            "--events", "5000", "--command-rate", "5", "--heartbeat-sec", "2",
            "--supervisor-dll", RepoPaths.Supervisor, "--json", json,
        ], workingDirectory: dir.Path);

        var exit = await bench.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exit == 0, bench.Output);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var scenarios = report.RootElement.GetProperty("scenarios").EnumerateArray().ToList();
        Assert.Equal(4, scenarios.Count);
        foreach (var scenario in scenarios)
        {
            Assert.Empty(scenario.GetProperty("failures").EnumerateArray());
            var stored = scenario.GetProperty("metrics").EnumerateArray()
                .Single(m => m.GetProperty("name").GetString() == "events produced = stored once");
            Assert.True(stored.GetProperty("value").GetDouble() > 0, scenario.GetProperty("name").GetString());
            Assert.Contains(scenario.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("stored exactly once", StringComparison.Ordinal));
            Assert.Contains(scenario.GetProperty("notes").EnumerateArray(), n => n.GetString()!.StartsWith("/metrics matches the store", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task HalBench_Ledger_EveryUsageEventBookedOnceAndBothPhasesReported()
    {
        var (notes, metrics) = await RunComparisonScenarioAsync("ledger");

        Assert.Contains(notes, n => n.StartsWith("ledger-b: the ledger booked each of the", StringComparison.Ordinal));
        Assert.Equal(3, notes.Count(n => n.EndsWith("all stored exactly once", StringComparison.Ordinal)));
        Assert.Equal(3, notes.Count(n => n.StartsWith("/metrics matches the store", StringComparison.Ordinal)));
        Assert.True(metrics["usage-bearing durable ev/s"] > 0);
        Assert.True(metrics["durable ev/s, baseline"] > 0);
    }

    [Fact]
    public async Task HalBench_Routing_AlertsStoredAndBothPhasesReported()
    {
        var (notes, metrics) = await RunComparisonScenarioAsync("routing");

        Assert.Contains(notes, n => n.StartsWith("routing-b: the router stored ", StringComparison.Ordinal) && !n.Contains("stored 0 alerts", StringComparison.Ordinal));
        Assert.Equal(3, notes.Count(n => n.EndsWith("all stored exactly once", StringComparison.Ordinal)));
        Assert.Equal(3, notes.Count(n => n.StartsWith("/metrics matches the store", StringComparison.Ordinal)));
        Assert.True(metrics["durable ev/s, routed"] > 0);
        Assert.True(metrics["durable ev/s, baseline"] > 0);
    }

    /// <summary>
    /// Runs one scenario that compares a feature against a same-run baseline (2 agents × 2 sessions, 2 s phases) and
    /// returns its report's notes and metrics, after checking it exited 0 with no failures.
    /// </summary>
    private static async Task<(List<string> Notes, Dictionary<string, double> Metrics)> RunComparisonScenarioAsync(string name)
    {
        using var dir = new TempDirectory("hal-bench-" + name);
        var json = dir.Combine("bench.json");
        await using var bench = TestProcess.StartDotnet("hal-bench", BenchDll,
        [
            "-s", name, "--agents", "2", "--sessions", "2", "--duration", "2", "--rate", "500", "--heartbeat-sec", "2",
            "--supervisor-dll", RepoPaths.Supervisor, "--json", json,
        ], workingDirectory: dir.Path);

        var exit = await bench.WaitForExitAsync(TimeSpan.FromSeconds(90));

        Assert.True(exit == 0, bench.Output);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var scenario = Assert.Single(report.RootElement.GetProperty("scenarios").EnumerateArray());
        Assert.Empty(scenario.GetProperty("failures").EnumerateArray());
        var notes = scenario.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).ToList();
        var metrics = scenario.GetProperty("metrics").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("value").GetDouble());
        return (notes, metrics);
    }

    [Fact]
    public async Task HalBench_LatencyAndCommands_ReportTheCommitFloorOfTheSameRun()
    {
        using var dir = new TempDirectory("hal-bench-floor");
        var json = dir.Combine("bench.json");
        await using var bench = TestProcess.StartDotnet("hal-bench", BenchDll,
        [
            "-s", "latency,commands",
            "--agents", "4", "--sessions", "2", "--duration", "2", "--rate", "1000", "--command-rate", "5",
            "--heartbeat-sec", "2", "--supervisor-dll", RepoPaths.Supervisor, "--json", json,
        ], workingDirectory: dir.Path);

        var exit = await bench.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exit == 0, bench.Output);
        Assert.Contains("floor p99", bench.Output, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        foreach (var scenario in report.RootElement.GetProperty("scenarios").EnumerateArray())
        {
            var metrics = scenario.GetProperty("metrics").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("value").GetDouble());
            Assert.True(metrics["floor p99"] > 0, scenario.GetProperty("name").GetString());
            Assert.True(metrics["floor p99"] >= metrics["floor p50 (bare sqlite commit loop)"], scenario.GetProperty("name").GetString());
            Assert.Contains(scenario.GetProperty("notes").EnumerateArray(), n => n.GetString()!.StartsWith("floor: ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task HalBench_Dashboard_ReportsFirstRenderLiveUpdateAndIngestWithAndWithout()
    {
        using var dir = new TempDirectory("hal-bench-dashboard");
        var json = dir.Combine("bench.json");
        await using var bench = TestProcess.StartDotnet("hal-bench", BenchDll,
        [
            "-s", "dashboard", "--quick", "--agents", "2", "--sessions", "2", "--duration", "2", "--rate", "200",
            "--heartbeat-sec", "2", "--supervisor-dll", RepoPaths.Supervisor, "--json", json,
        ], workingDirectory: dir.Path);

        var exit = await bench.WaitForExitAsync(TimeSpan.FromSeconds(180));

        Assert.True(exit == 0, bench.Output);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var scenario = Assert.Single(report.RootElement.GetProperty("scenarios").EnumerateArray());
        Assert.Empty(scenario.GetProperty("failures").EnumerateArray());
        var metrics = scenario.GetProperty("metrics").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("value").GetDouble());
        Assert.True(metrics["first render p50"] > 0);
        Assert.True(metrics["live update (node offline → shown)"] > 0);
        Assert.True(metrics["durable ev/s, 2 dashboards"] > 0);
        Assert.True(metrics["durable ev/s, no dashboard (before)"] > 0);
    }
}
