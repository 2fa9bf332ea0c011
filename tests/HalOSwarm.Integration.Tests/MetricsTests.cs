using System.Text.Json;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing;
using HalOSwarm.Testing.Metrics;
using HalOSwarm.Testing.Processes;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Integration.Tests;

/// <summary>
/// <c>/metrics</c> against the built supervisor under load from hal-bench, read the way Prometheus would; and the
/// correlation id and the agent's own metrics through a real hal-agent.
/// </summary>
public sealed class MetricsTests
{
    private static string BenchDll =>
        Path.Combine(RepoPaths.Root, "bench", "HalOSwarm.Bench", "bin", RepoPaths.Configuration, "net10.0", "hal-bench.dll");

    [Fact]
    public async Task Metrics_ScrapedDuringAndAfterHalBench_CountersNeverAheadOfTheStoreAndEqualItAtRest()
    {
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions { WithAgent = false });
        await using var bench = TestProcess.StartDotnet("hal-bench", BenchDll,
        [
            "-s", "throughput,commands",
            "--agents", "4", "--sessions", "2", "--duration", "3", "--rate", "2000", "--command-rate", "5", "--heartbeat-sec", "2",
            "--agent-url", $"ws://127.0.0.1:{cluster.AgentPort}/ws/agent", "--api-url", cluster.SupervisorUrl,
            "--token", HalCluster.Token, "--db", cluster.SupervisorDb,
        ], workingDirectory: cluster.Dir.Path);

        // During the run: a counter counts what is committed, so it is never ahead of the rows read after the scrape.
        var scrapesUnderLoad = 0;
        while (!bench.HasExited)
        {
            var scraped = await ScrapeAsync(cluster);
            var stored = await StoredAsync(cluster.SupervisorDb);
            foreach (var (series, value) in scraped)
            {
                Assert.True(value <= stored.GetValueOrDefault(series), $"{series}: /metrics {value} > {stored.GetValueOrDefault(series)} stored");
            }
            scrapesUnderLoad += PrometheusText.Sum(scraped, "hal_o_swarm_events_total") > 0 ? 1 : 0;
            await Task.Delay(100);
        }
        var exit = await bench.WaitForExitAsync(TimeSpan.FromSeconds(90));

        Assert.True(exit == 0, bench.Output);
        Assert.True(scrapesUnderLoad > 0, "no scrape saw events while hal-bench ran");
        Assert.Contains("/metrics matches the store", bench.Output, StringComparison.Ordinal);
        // At rest (the bench's agents have gone and their node.offline events are stored): equal, series by series.
        Dictionary<string, double> last = [];
        Dictionary<string, double> rows = [];
        await HalCluster.WaitUntilAsync(async () =>
        {
            last = await ScrapeAsync(cluster);
            rows = await StoredAsync(cluster.SupervisorDb);
            return last.Count == rows.Count && last.All(s => rows.GetValueOrDefault(s.Key) == s.Value);
        }, TimeSpan.FromSeconds(30), "/metrics equal to the store", () => $"metrics: {Show(last)}\nstored: {Show(rows)}");
        Assert.True(PrometheusText.Sum(last, "hal_o_swarm_events_total") > 1000);
        Assert.True(PrometheusText.Sum(last, "hal_o_swarm_commands_total") > 0);
    }

    [Fact]
    public async Task Command_ThroughARealAgent_CorrelationIdInBothLogsTheResultAndTheAgentsMetrics()
    {
        var metricsPort = FreePort.Next();
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions
        {
            AgentEnvironment = new Dictionary<string, string> { ["HAL_AGENT_METRICS_PORT"] = metricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/v1/projects/{HalCluster.ProjectName}/adoptable");
        request.Headers.Add("X-Correlation-Id", "it-corr-7");

        using var response = await cluster.Api.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.IsSuccessStatusCode, body);
        Assert.Equal("it-corr-7", response.Headers.GetValues("X-Correlation-Id").Single());
        var command = JsonDocument.Parse(body).RootElement.GetProperty("data");
        Assert.Equal("it-corr-7", command.GetProperty("correlation_id").GetString());
        var stored = await cluster.GetDataAsync($"api/v1/commands/{command.GetProperty("command_id").GetString()}");
        Assert.Equal("it-corr-7", stored.GetProperty("correlation_id").GetString());
        await cluster.Supervisor!.WaitForOutputAsync("\"correlation_id\":\"it-corr-7\"", TimeSpan.FromSeconds(10));
        await cluster.Agent!.WaitForOutputAsync("\"correlation_id\":\"it-corr-7\"", TimeSpan.FromSeconds(10));

        using var agentMetrics = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{metricsPort}/") };
        Dictionary<string, double> series = [];
        await HalCluster.WaitUntilAsync(async () =>
        {
            series = PrometheusText.Parse(await agentMetrics.GetStringAsync("metrics"));
            return series.GetValueOrDefault("hal_agent_command_executions_total{ok=true,type=list_adoptable}") == 1
                && series.GetValueOrDefault("hal_agent_events_acked_total{}") == series.GetValueOrDefault("hal_agent_events_read_total{}");
        }, TimeSpan.FromSeconds(30), "agent metrics: the command counted, every event read acknowledged", () => Show(series));
        Assert.Equal(0, series["hal_agent_outbox_depth{}"]);
        Assert.True(series["hal_agent_events_sent_total{}"] >= series["hal_agent_events_read_total{}"]);
        Assert.Equal(0, series["hal_agent_reconnects_total{}"]);
    }

    private static async Task<Dictionary<string, double>> ScrapeAsync(HalCluster cluster) =>
        PrometheusText.Parse(await cluster.Api.GetStringAsync("metrics"))
            .Where(s => s.Key.StartsWith("hal_o_swarm_events_total{", StringComparison.Ordinal) || s.Key.StartsWith("hal_o_swarm_commands_total{", StringComparison.Ordinal))
            .ToDictionary();

    /// <summary>The same series from the database: events by type, finished commands by type and state.</summary>
    private static async Task<Dictionary<string, double>> StoredAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var rows = new Dictionary<string, double>(StringComparer.Ordinal);
        using (var events = connection.CreateCommand())
        {
            events.CommandText = "SELECT type, count(*) FROM events GROUP BY type";
            using var reader = await events.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows[$"hal_o_swarm_events_total{{type={reader.GetString(0)}}}"] = reader.GetInt64(1);
            }
        }
        using (var commands = connection.CreateCommand())
        {
            commands.CommandText = "SELECT type, state, count(*) FROM commands WHERE state IN ('succeeded', 'failed', 'timed_out', 'cancelled') GROUP BY type, state";
            using var reader = await commands.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows[$"hal_o_swarm_commands_total{{status={reader.GetString(1)},type={reader.GetString(0)}}}"] = reader.GetInt64(2);
            }
        }
        return rows;
    }

    private static string Show(Dictionary<string, double> series) => string.Join(", ", series.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}"));
}
