using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using HalOSwarm.Bench.Cli;
using HalOSwarm.Bench.Report;
using HalOSwarm.Bench.Scenarios;
using HalOSwarm.Bench.Target;

namespace HalOSwarm.Bench;

/// <summary>
/// Runs the chosen scenarios one after another, on each chosen database in turn (SQLite first, so both sets of figures
/// come from the same run), prints each, writes the JSON. Exit 1 when events were lost or duplicated.
/// </summary>
internal static class BenchApp
{
    public const int ExitOk = ExitCodes.Success;
    public const int ExitFailures = ExitCodes.Failure;
    public const int ExitError = ExitCodes.Usage;

    private static readonly IScenario[] s_scenarios =
    [
        new CeilingScenario(), new ThroughputScenario(), new LatencyScenario(), new CommandsScenario(),
        new ConnectionsScenario(), new BacklogScenario(), new SoakScenario(), new LedgerScenario(), new RoutingScenario(), new DashboardScenario(),
    ];

    public static async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        string? dll = null;
        if (!options.External)
        {
            try
            {
                dll = options.SupervisorDll ?? RepoLocator.FindSupervisor();
            }
            catch (InvalidOperationException ex)
            {
                await Console.Error.WriteLineAsync("hal-bench: " + ex.Message);
                return ExitError;
            }
            var debug = dll.Replace("/Release/", "/Debug/", StringComparison.Ordinal);
            if (debug != dll && File.Exists(debug) && File.GetLastWriteTimeUtc(debug) > File.GetLastWriteTimeUtc(dll))
            {
                await Console.Error.WriteLineAsync("hal-bench: warning: the Release supervisor is older than the Debug one; run 'dotnet build -c Release src/HalOSwarm.Supervisor'");
            }
            if (dll.Contains("/Debug/", StringComparison.Ordinal))
            {
                await Console.Error.WriteLineAsync("hal-bench: warning: measuring a Debug build of the supervisor; build it with -c Release for real numbers");
            }
        }
        var runId = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture) + Environment.ProcessId.ToString("x", CultureInfo.InvariantCulture);
        var postgres = options.Postgres is { } connectionString ? new PostgresServer(connectionString) : null;
        if (postgres is not null && options.Databases.Contains(BenchDatabases.Postgres) && await postgres.ProbeAsync(cancellationToken) is { } unusable)
        {
            await Console.Error.WriteLineAsync("hal-bench: " + unusable);
            return ExitError;
        }
        var context = new ScenarioContext(options, runId, Console.Error, dll, postgres);
        var machine = $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1 << 20):#,0} MiB, {Environment.OSVersion.VersionString}";
        Console.WriteLine($"hal-bench {(options.Quick ? "--quick " : "")}on {machine}; supervisor {(options.External ? options.AgentUrl!.ToString() : dll)}");

        var results = new List<ScenarioResult>();
        var startedAt = DateTimeOffset.UtcNow;
        var exit = ExitOk;
        foreach (var (database, scenario) in options.Databases.SelectMany(d => s_scenarios.Where(s => options.Scenarios.Contains(s.Name)).Select(s => (d, s))))
        {
            if (context.Database != database)
            {
                (context.Database, context.CeilingRowsPerSecond) = (database, null);
            }
            if (database == BenchDatabases.Postgres && !BenchDatabases.PostgresScenarios.Contains(scenario.Name))
            {
                await Console.Error.WriteLineAsync($"-- {scenario.Name} on postgres: skipped (it reads the supervisor's SQLite file; runs on sqlite only)");
                continue;
            }
            var label = options.Databases.Count > 1 || database != BenchDatabases.Sqlite ? $"{scenario.Name} ({database})" : scenario.Name;
            await Console.Error.WriteLineAsync($"-- {label} …");
            var watch = Stopwatch.StartNew();
            ScenarioResult result;
            try
            {
                result = await scenario.RunAsync(context, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                result = new ScenarioResult(label);
                result.Failures.Add($"scenario crashed: {ex.GetType().Name}: {ex.Message}");
                exit = ExitError;
            }
            result.Seconds = Math.Round(watch.Elapsed.TotalSeconds, 1);
            result.Rename(label);
            results.Add(result);
            TablePrinter.Print(Console.Out, result);
            if (result.Failures.Count > 0 && exit == ExitOk)
            {
                exit = ExitFailures;
            }
        }

        if (options.JsonPath is { } path)
        {
            var report = new BenchReport(startedAt, RepoLocator.GitCommit(), machine, dll ?? options.AgentUrl!.ToString(), options.Quick, results);
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, BenchJsonContext.Default.BenchReport), cancellationToken);
            Console.WriteLine($"\nwrote {path}");
        }
        var missed = results.SelectMany(r => r.Metrics).Count(m => m.Met == false);
        Console.WriteLine($"\n{results.Count} scenarios, {results.Sum(r => r.Failures.Count)} failures, {missed} targets missed");
        return exit;
    }
}
