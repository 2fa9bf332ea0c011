using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Ctl.Tests.Support;

namespace HalOSwarm.Ctl.Tests.Commands;

/// <summary><c>halctl cost</c> against a report shaped as docs/API.md describes <c>GET /api/v1/cost</c>.</summary>
public sealed class CostCommandTests
{
    private const string Report = """
        {
          "period": {"name": "week", "from": "2025-05-26", "to": "2025-06-01", "time_zone": "Europe/Berlin", "days": 7, "days_elapsed": 7,
                     "utc_from": "2025-05-25", "utc_to": "2025-06-01"},
          "group_by": ["provider", "model"],
          "totals": {"messages": 14, "priced_messages": 1,
                     "tokens": {"input": 1500000, "output": 42000, "reasoning": 0, "cache_read": 900, "cache_write": 0, "total": 1542900},
                     "cost_usd": 7.000000001, "equivalent_usd": 3},
          "daily_average": {"cost_usd": 1.000000000, "equivalent_usd": 0.428571429, "tokens": 220414, "messages": 2},
          "rows": [
            {"provider": "anthropic", "model": "claude-sonnet-4", "messages": 10, "priced_messages": 0,
             "tokens": {"input": 1400000, "output": 40000, "reasoning": 0, "cache_read": 900, "cache_write": 0, "total": 1440900},
             "cost_usd": 6.5, "equivalent_usd": 0},
            {"provider": "openai", "model": "gpt-5", "messages": 3, "priced_messages": 1,
             "tokens": {"input": 90000, "output": 2000, "reasoning": 0, "cache_read": 0, "cache_write": 0, "total": 92000},
             "cost_usd": 0.500000001, "equivalent_usd": 0},
            {"provider": "anthropic", "model": "claude-opus-4", "messages": 1, "priced_messages": 0,
             "tokens": {"input": 10000, "output": 0, "reasoning": 0, "cache_read": 0, "cache_write": 0, "total": 10000},
             "cost_usd": 0, "equivalent_usd": 3}
          ],
          "rows_omitted": 0,
          "providers": [
            {"provider": "anthropic", "status": "degraded", "last_success_at": "2025-06-01T10:00:00Z", "error": "usage report: HTTP 503",
             "metered_usd": 6.5, "billed_usd": 6.75, "difference_usd": 0.25,
             "days": [{"date": "2025-06-01", "metered_usd": 6.5, "billed_usd": 6.75, "difference_usd": 0.25}]},
            {"provider": "openai", "status": "not_configured", "last_success_at": null, "error": null,
             "metered_usd": 0.500000001, "billed_usd": null, "difference_usd": null,
             "days": [{"date": "2025-05-30", "metered_usd": 0.500000001, "billed_usd": null, "difference_usd": null}]}
          ]
        }
        """;

    [Fact]
    public async Task CostWeek_Table_ProvidersModelsTokensCostTotalDailyAverageAndBilled()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(JsonNode.Parse(Report))));

        var run = await CliRun.RunAsync(["cost", "week"], () => stub);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("?period=week", Assert.Single(stub.Requests).RequestUri!.Query);
        var lines = run.Out.ReplaceLineEndings("\n").Split('\n').Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Equal("cost week: 2025-05-26 to 2025-06-01 (Europe/Berlin, 7 days)", lines[0]);
        Assert.Contains("PROVIDER MODEL MESSAGES INPUT OUTPUT REASONING CACHE READ CACHE WRITE TOKENS COST EQUIVALENT", lines);
        Assert.Contains("anthropic claude-sonnet-4 10 1.4M 40k 0 900 0 1.4M $6.50 $0.00", lines);
        Assert.Contains("openai gpt-5 3 90k 2k 0 0 0 92k $0.50 $0.00", lines);
        Assert.Contains("TOTAL 14 1.5M 42k 0 900 0 1.5M $7.00 $3.00", lines);
        Assert.Contains("DAILY AVERAGE 2 220.4k $1.00 $0.4286", lines);
        Assert.Contains(lines, l => l.StartsWith("EQUIVALENT: subscription logins' usage at API prices ($3.00)", StringComparison.Ordinal));
        Assert.Contains("anthropic degraded $6.50 $6.75 +$0.25 2025-06-01 10:00:00Z", lines);
        Assert.Contains("openai not_configured $0.50 - - -", lines);
        Assert.Contains("anthropic is degraded: usage report: HTTP 503", lines);
    }

    [Fact]
    public async Task CostByProject_FormatJson_PrintsExactlyTheApiDataAndSendsGroupBy()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(JsonNode.Parse(Report))));

        var run = await CliRun.RunAsync(["cost", "month", "--by", "project,model", "--by", "node", "--limit", "5", "--format", "json"], () => stub);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("?period=month&group_by=project%2Cmodel%2Cnode&limit=5", Assert.Single(stub.Requests).RequestUri!.Query);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Report), JsonNode.Parse(run.Out)), run.Out);
        Assert.Equal(7.000000001m, JsonDocument.Parse(run.Out).RootElement.GetProperty("totals").GetProperty("cost_usd").GetDecimal());
    }

    [Fact]
    public async Task CostCustom_FromTo_SentAsLocalDates()
    {
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, ApiJson.Envelope(JsonNode.Parse(Report))));

        var run = await CliRun.RunAsync(["cost", "custom", "--from", "2025-05-01", "--to", "2025-05-31"], () => stub);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("?period=custom&from=2025-05-01&to=2025-05-31", Assert.Single(stub.Requests).RequestUri!.Query);
    }

    [Theory]
    [InlineData("cost", "year")]
    [InlineData("cost", "week", "--by", "colour")]
    [InlineData("cost", "custom", "--from", "2025-05-01")]
    [InlineData("cost", "today", "--to", "2025-05-01")]
    [InlineData("cost", "week", "--limit", "0")]
    public async Task Cost_BadCommandLine_ExitTwoWithoutRequest(params string[] args)
    {
        var run = await CliRun.RunAsync(args, () => new StubHandler(_ => throw new InvalidOperationException("no request expected")));

        Assert.Equal(2, run.ExitCode);
        Assert.NotEmpty(run.Error);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task CostToday_SeedRunbookWebSocketUrl_SaysWhichUrlItNeeds()
    {
        var run = await CliRun.RunAsync(["--supervisor-url", "ws://localhost:8420", "cost", "today"],
            () => new StubHandler(_ => throw new InvalidOperationException("no request expected")));

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("halctl: error: supervisor URL 'ws://localhost:8420' is the agents' WebSocket address", run.Error, StringComparison.Ordinal);
        Assert.Contains("use --supervisor-url http://localhost:8421", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CostWeek_ApiRefusesTheQuery_OneErrorLineWithEveryProblem()
    {
        var error = ApiJson.Error("invalid request: group_by: unknown dimension 'x'", "invalid_request",
            new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["field"] = "group_by", ["message"] = "unknown dimension 'x'" }) });
        var stub = new StubHandler(_ => StubHandler.Json(HttpStatusCode.BadRequest, error));

        var run = await CliRun.RunAsync(["cost", "week"], () => stub);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("unknown dimension 'x'", run.Error, StringComparison.Ordinal);
    }
}
