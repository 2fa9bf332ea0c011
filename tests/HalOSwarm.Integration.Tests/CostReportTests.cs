using System.Text.Json.Nodes;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing.FakeLlm;

namespace HalOSwarm.Integration.Tests;

/// <summary>
/// <c>halctl cost</c> against the built supervisor, its ledger filled by a real opencode session on the built agent (the
/// fake LLM's usage, priced by opencode): the table shows it, <c>--format json</c> is the API's data.
/// </summary>
public sealed class CostReportTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task CostWeek_RealOpenCodeSession_TableShowsProviderModelTokensCostTotalAverageAndJsonEqualsTheApi()
    {
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions
        {
            SupervisorSections = new Dictionary<string, string> { ["cost"] = """{"time_zone": "Europe/Berlin"}""" },
        });
        cluster.Llm.Enqueue(FakeReply.Text("Done.", chunks: 2));
        var start = await cluster.CtlAsync("--format", "json", "sessions", "start", HalCluster.ProjectName, "--prompt", "Do it");
        Assert.True(start.ExitCode == 0, start.ToString());
        var sessionId = JsonNode.Parse(start.StdOut)!["result"]!["session_id"]!.GetValue<string>();
        var session = await cluster.WaitForSessionAsync(sessionId, s => s.Str("status") == "idle" && s.GetProperty("tokens").Long("output") > 0, s_wait,
            "session idle with usage");

        var api = await cluster.GetDataAsync("api/v1/cost?period=week");
        var table = await cluster.CtlAsync("cost", "week");
        var json = await cluster.CtlAsync("cost", "week", "--format", "json");

        Assert.True(table.ExitCode == 0 && json.ExitCode == 0, $"{table}\n{json}");
        Assert.True(JsonNode.DeepEquals(WithoutForecast(api.GetRawText()), WithoutForecast(json.StdOut)), $"API:\n{api.GetRawText()}\nhalctl:\n{json.StdOut}");
        // The ledger booked what opencode reported for the session.
        var totals = api.GetProperty("totals");
        Assert.Equal(session.GetProperty("cost_usd").GetDecimal(), totals.GetProperty("cost_usd").GetDecimal());
        Assert.Equal(1280, totals.GetProperty("tokens").Long("total"));
        var row = Assert.Single(api.GetProperty("rows").EnumerateArray());
        var lines = table.StdOut.ReplaceLineEndings("\n").Split('\n').Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Contains(lines, l => l.StartsWith("cost week: ", StringComparison.Ordinal) && l.Contains("(Europe/Berlin", StringComparison.Ordinal));
        Assert.Contains("PROVIDER MODEL MESSAGES INPUT OUTPUT REASONING CACHE READ CACHE WRITE TOKENS COST", lines);
        Assert.Contains($"{row.Str("provider")} fake-model 1 1k 80 0 200 0 1.3k $0.0043", lines);
        Assert.Contains("TOTAL 1 1k 80 0 200 0 1.3k $0.0043", lines);
        Assert.Contains(lines, l => l.StartsWith("DAILY AVERAGE ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"{row.Str("provider")} not_configured $0.0043 - -", StringComparison.Ordinal));
        // the forecast: this hour's spend is the rate, so today and the month end at least where they are
        var fleet = api.GetProperty("forecast").GetProperty("fleet");
        Assert.True(fleet.GetProperty("rate_usd_per_hour").GetDecimal() > 0 && fleet.GetProperty("projected_day_usd").GetDecimal() >= totals.GetProperty("cost_usd").GetDecimal(),
            fleet.GetRawText());
        Assert.Contains(lines, l => l.StartsWith("forecast at $", StringComparison.Ordinal) && l.Contains("this month", StringComparison.Ordinal));

        // docs/OPERATIONS.md "Monitoring cost": per project, and a custom period as JSON for scripts.
        var byProject = await cluster.CtlAsync("cost", "week", "--by", "project");
        Assert.True(byProject.ExitCode == 0, byProject.ToString());
        Assert.Contains(byProject.StdOut.ReplaceLineEndings("\n").Split('\n'), l => l.Trim().StartsWith("PROJECT ", StringComparison.Ordinal));
        Assert.Contains(byProject.StdOut.ReplaceLineEndings("\n").Split('\n'), l => l.Trim().StartsWith($"{HalCluster.ProjectName} ", StringComparison.Ordinal));
        var to = api.GetProperty("period").Str("to");
        var custom = await cluster.CtlAsync("cost", "custom", "--from", to, "--to", to, "--format", "json");
        Assert.True(custom.ExitCode == 0, custom.ToString());
        var today = await cluster.GetDataAsync($"api/v1/cost?period=custom&from={to}&to={to}");
        Assert.True(JsonNode.DeepEquals(WithoutForecast(today.GetRawText()), WithoutForecast(custom.StdOut)), custom.StdOut);
        Assert.Equal(totals.GetProperty("cost_usd").GetDecimal(), today.GetProperty("totals").GetProperty("cost_usd").GetDecimal());

        // The seed runbook's spelling: the agents' address gets the URL halctl needs, not a crash.
        var seed = await cluster.CtlAsync("--supervisor-url", "ws://localhost:8420", "cost", "today");
        Assert.True(seed.ExitCode == 1 && seed.StdErr.Contains("use --supervisor-url http://localhost:8421", StringComparison.Ordinal), seed.ToString());
    }

    /// <summary>
    /// The report without its forecast, which is computed at the moment of each request (the rate per hour and the
    /// projections move with the clock); the rest of two requests' answers is the same.
    /// </summary>
    private static JsonObject WithoutForecast(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        Assert.True(node.Remove("forecast"), "the report carries a forecast");
        return node;
    }
}
