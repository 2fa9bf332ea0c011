using System.Text.Json;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing;
using HalOSwarm.Testing.Postgres;
using HalOSwarm.Testing.Processes;
using Npgsql;

namespace HalOSwarm.Integration.Tests.ScaleOut;

/// <summary>
/// hal-bench at a tiny scale on both databases in one run, against the built supervisor: on PostgreSQL it measures the
/// COPY ceiling, stores every event exactly once (checked in the database), splits the connections scenario over two
/// supervisors, and drops every database it made. Not a timed test: the figures are only reported.
/// </summary>
public sealed class BenchOnPostgresTests
{
    private static string BenchDll =>
        Path.Combine(RepoPaths.Root, "bench", "HalOSwarm.Bench", "bin", RepoPaths.Configuration, "net10.0", "hal-bench.dll");

    [PostgresOnlyFact("hal-bench creates its supervisors' databases on a PostgreSQL server")]
    public async Task HalBench_BothDatabases_SameRun_CopyCeilingExactlyOnceAndTwoSupervisors()
    {
        using var dir = new TempDirectory("hal-bench-pg");
        var json = dir.Combine("bench.json");
        await using var bench = TestProcess.StartDotnet("hal-bench", BenchDll,
        [
            "-s", "ceiling,throughput,connections", "--database", "both", "--postgres", TestPostgres.AdminConnectionString!,
            "--agents", "6", "--sessions", "2", "--duration", "3", "--rate", "600", "--events", "20000", "--heartbeat-sec", "2",
            "--supervisor-dll", RepoPaths.Supervisor, "--json", json,
        ], workingDirectory: dir.Path);

        var exit = await bench.WaitForExitAsync(TimeSpan.FromSeconds(180));

        Assert.True(exit == 0, bench.Output);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var scenarios = report.RootElement.GetProperty("scenarios").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        Assert.Equal(
            ["ceiling (postgres)", "ceiling (sqlite)", "connections (postgres)", "connections (sqlite)", "throughput (postgres)", "throughput (sqlite)"],
            scenarios.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, scenario) in scenarios)
        {
            Assert.Empty(scenario.GetProperty("failures").EnumerateArray());
            if (name.StartsWith("ceiling", StringComparison.Ordinal))
            {
                continue;
            }
            var notes = Notes(scenario);
            Assert.Contains(notes, n => n.EndsWith("all stored exactly once", StringComparison.Ordinal) && n.Contains(name.Contains("postgres", StringComparison.Ordinal) ? "in postgres" : "in sqlite", StringComparison.Ordinal));
            Assert.Contains(notes, n => n.StartsWith("/metrics matches the store", StringComparison.Ordinal));
        }
        Assert.True(Metric(scenarios["ceiling (postgres)"], "rows/s, supervisor schema, binary COPY 4096/txn") > 0);
        Assert.True(Metric(scenarios["throughput (postgres)"], "fraction of postgres ceiling") > 0);
        Assert.True(Metric(scenarios["throughput (sqlite)"], "fraction of sqlite ceiling") > 0);

        // 6 agents over two supervisors: each holds 3
        var connections = scenarios["connections (postgres)"];
        Assert.Equal("2", connections.GetProperty("parameters").GetProperty("supervisors").GetString());
        Assert.Equal(6, Metric(connections, "nodes online at end"));
        var split = Assert.Single(Notes(connections), n => n.StartsWith("online nodes by the supervisor holding them: ", StringComparison.Ordinal));
        Assert.Equal([3, 3], split["online nodes by the supervisor holding them: ".Length..].Split(", ").Select(part => int.Parse(part.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Empty(await BenchDatabasesAsync());
    }

    [Fact]
    public async Task HalBench_PostgresWithoutServer_RefusedWithTheOptionToGive()
    {
        using var dir = new TempDirectory("hal-bench-pg-usage");
        await using var bench = TestProcess.StartDotnet("hal-bench", BenchDll,
            ["-s", "throughput", "--database", "postgres", "--supervisor-dll", RepoPaths.Supervisor], new Dictionary<string, string?> { ["HAL_BENCH_POSTGRES"] = null }, dir.Path);

        var exit = await bench.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exit);
        Assert.Contains("--database postgres needs --postgres CONNECTION_STRING (or HAL_BENCH_POSTGRES)", bench.Output, StringComparison.Ordinal);
    }

    private static List<string> Notes(JsonElement scenario) => [.. scenario.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!)];

    private static double Metric(JsonElement scenario, string name) =>
        scenario.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("name").GetString() == name).GetProperty("value").GetDouble();

    private static async Task<List<string>> BenchDatabasesAsync()
    {
        await using var connection = new NpgsqlConnection(TestPostgres.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 'hal_bench_%'", connection);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }
}
