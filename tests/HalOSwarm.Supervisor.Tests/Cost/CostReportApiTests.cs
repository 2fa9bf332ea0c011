using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Cost;

/// <summary>
/// <c>GET /api/v1/cost</c> against the composed supervisor, its ledger filled by usage events a connected agent sends
/// (booked at the times they carry, so a test can spend on any day).
/// </summary>
public sealed class CostReportApiTests
{
    [Fact]
    public async Task Week_AucklandTimeZone_LocalMondayToTodayTotalsAverageAndEquivalentApart()
    {
        const string zone = "Pacific/Auckland";
        await using var host = await SupervisorHost.StartAsync(c => c["cost"] = new JsonObject
        {
            ["time_zone"] = zone,
            ["accounts"] = new JsonArray(new JsonObject { ["name"] = "claude-max", ["kind"] = "subscription", ["provider"] = "anthropic", ["projects"] = new JsonArray("sub") }),
        });
        var auckland = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, auckland).DateTime);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        await using var agent = await TestAgent.ConnectAsync(host, "node-a");
        await agent.SendEventsAsync(
            UsageEvents.Created(1, "ses_1", "demo"),
            UsageEvents.Created(2, "ses_2", "demo"),
            UsageEvents.Created(3, "ses_3", "sub"),
            // Local 00:30 today is on the UTC date before: the local day decides.
            UsageEvents.At(4, UsageEvents.Local(today, new TimeOnly(0, 30), auckland), "ses_1", "anthropic", "claude-sonnet-4", 1.25m, input: 1000, output: 200, cacheRead: 50),
            UsageEvents.At(5, UsageEvents.Local(monday, new TimeOnly(12, 0), auckland), "ses_2", "openai", "gpt-5", 0.500000001m, input: 400, reasoning: 30),
            // A subscription login's usage at the equivalent API price: shown, never added into cost_usd.
            UsageEvents.At(6, UsageEvents.Local(today, new TimeOnly(9, 0), auckland), "ses_3", "anthropic", "claude-opus-4", 3m, input: 100, cacheWrite: 7),
            // The Sunday before: outside the week.
            UsageEvents.At(7, UsageEvents.Local(monday.AddDays(-1), new TimeOnly(23, 30), auckland), "ses_1", "anthropic", "old", 100m));
        await agent.WaitForAckAsync(7);

        var report = await host.GetDataAsync("/api/v1/cost?period=week");

        var period = report.GetProperty("period");
        var days = today.DayNumber - monday.DayNumber + 1;
        Assert.Equal("week", period.GetProperty("name").GetString());
        Assert.Equal(UsageEvents.Text(monday), period.GetProperty("from").GetString());
        Assert.Equal(UsageEvents.Text(today), period.GetProperty("to").GetString());
        Assert.Equal(zone, period.GetProperty("time_zone").GetString());
        Assert.Equal(days, period.GetProperty("days").GetInt32());
        Assert.Equal(days, period.GetProperty("days_elapsed").GetInt32());
        var totals = report.GetProperty("totals");
        Assert.Equal(1.750000001m, totals.GetProperty("cost_usd").GetDecimal());
        Assert.Equal(3m, totals.GetProperty("equivalent_usd").GetDecimal());
        Assert.Equal(3, totals.GetProperty("messages").GetInt64());
        var tokens = totals.GetProperty("tokens");
        Assert.Equal((1500, 200, 30, 50, 7, 1787), (tokens.GetProperty("input").GetInt64(), tokens.GetProperty("output").GetInt64(),
            tokens.GetProperty("reasoning").GetInt64(), tokens.GetProperty("cache_read").GetInt64(), tokens.GetProperty("cache_write").GetInt64(),
            tokens.GetProperty("total").GetInt64()));
        var average = report.GetProperty("daily_average");
        Assert.Equal(decimal.Round(1.750000001m / days, 9), average.GetProperty("cost_usd").GetDecimal());
        Assert.Equal(decimal.Round(3m / days, 9), average.GetProperty("equivalent_usd").GetDecimal());
        Assert.Equal((long)Math.Round(1787m / days, MidpointRounding.AwayFromZero), average.GetProperty("tokens").GetInt64());
        Assert.DoesNotMatch(@"\.\d*0$", average.GetProperty("cost_usd").GetRawText());
        Assert.Equal(["provider", "model"], report.GetProperty("group_by").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["anthropic/claude-sonnet-4 1.25 0", "openai/gpt-5 0.500000001 0", "anthropic/claude-opus-4 0 3"],
            report.GetProperty("rows").EnumerateArray().Select(r =>
                $"{r.GetProperty("provider").GetString()}/{r.GetProperty("model").GetString()} {r.GetProperty("cost_usd").GetDecimal()} {r.GetProperty("equivalent_usd").GetDecimal()}"));
    }

    [Fact]
    public async Task Custom_GroupByProjectAndNode_RowsPerGroupByCostOnlyTheirDimensionsAndALimit()
    {
        await using var host = await SupervisorHost.StartAsync(c => c["cost"] = new JsonObject
        {
            ["rates"] = new JsonArray(new JsonObject { ["model"] = "m2", ["input_per_mtok"] = 10, ["output_per_mtok"] = 10 }),
        });
        await using var n1 = await TestAgent.ConnectAsync(host, "n1");
        await using var n2 = await TestAgent.ConnectAsync(host, "n2");
        await n1.SendEventsAsync(
            UsageEvents.Created(1, "ses_1", "web"),
            UsageEvents.Created(2, "ses_5", "late"),
            UsageEvents.At(3, UsageEvents.Utc("2026-01-15T10:00:00Z"), "ses_1", "anthropic", "claude-sonnet-4", 2m),
            // No reported cost: priced from cost.rates (100k input tokens at 10 USD per million).
            UsageEvents.At(4, UsageEvents.Utc("2026-01-15T11:00:00Z"), "ses_1", "anthropic", "m2", 0m, input: 100_000),
            UsageEvents.At(5, UsageEvents.Utc("2026-02-01T00:00:00Z"), "ses_5", "anthropic", "claude-sonnet-4", 9m));
        await n2.SendEventsAsync(
            UsageEvents.Created(1, "ses_3", "api"),
            UsageEvents.Created(2, "ses_4", "web"),
            UsageEvents.At(3, UsageEvents.Utc("2026-01-16T10:00:00Z"), "ses_3", "openai", "gpt-5", 4m),
            UsageEvents.At(4, UsageEvents.Utc("2026-01-31T23:59:59Z"), "ses_4", "openai", "gpt-5", 0.000000001m));
        await n1.WaitForAckAsync(5);
        await n2.WaitForAckAsync(4);

        var report = await host.GetDataAsync("/api/v1/cost?period=custom&from=2026-01-01&to=2026-01-31&group_by=project,node");
        var limited = await host.GetDataAsync("/api/v1/cost?period=custom&from=2026-01-01&to=2026-01-31&group_by=project,node&limit=1");
        var lastDays = await host.GetDataAsync("/api/v1/cost?period=custom&from=2026-01-27&to=2026-01-31");

        Assert.Equal(31, report.GetProperty("period").GetProperty("days_elapsed").GetInt32());
        Assert.Equal(7.000000001m, report.GetProperty("totals").GetProperty("cost_usd").GetDecimal());
        Assert.Equal(1, report.GetProperty("totals").GetProperty("priced_messages").GetInt64());
        Assert.Equal(0.225806452m, report.GetProperty("daily_average").GetProperty("cost_usd").GetDecimal());
        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["api n2 4 1", "web n1 3 2", "web n2 0.000000001 1"], rows.Select(r =>
            $"{r.GetProperty("project").GetString()} {r.GetProperty("node_id").GetString()} {r.GetProperty("cost_usd").GetDecimal()} {r.GetProperty("messages").GetInt64()}"));
        Assert.Equal(1, rows[1].GetProperty("priced_messages").GetInt64());
        Assert.All(rows, r => Assert.Equal(["project", "node_id", "messages", "priced_messages", "tokens", "cost_usd", "equivalent_usd"],
            r.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(0, report.GetProperty("rows_omitted").GetInt64());
        Assert.Equal("api", Assert.Single(limited.GetProperty("rows").EnumerateArray()).GetProperty("project").GetString());
        Assert.Equal(2, limited.GetProperty("rows_omitted").GetInt64());
        Assert.Equal(7.000000001m, limited.GetProperty("totals").GetProperty("cost_usd").GetDecimal());
        // 10^-9 USD over five days rounds to nothing, written as 0 (not 0.000000000).
        Assert.Equal("0.000000001", lastDays.GetProperty("totals").GetProperty("cost_usd").GetRawText());
        Assert.Equal("0", lastDays.GetProperty("daily_average").GetProperty("cost_usd").GetRawText());
    }

    [Fact]
    public async Task Providers_NewYorkDay_MeteredPerUtcDayWithoutEquivalentBilledNullWithNoPoller()
    {
        await using var host = await SupervisorHost.StartAsync(c => c["cost"] = new JsonObject
        {
            ["time_zone"] = "America/New_York",
            ["accounts"] = new JsonArray(new JsonObject { ["name"] = "chatgpt", ["kind"] = "subscription", ["provider"] = "openai", ["projects"] = new JsonArray("sub") }),
        });
        await using var agent = await TestAgent.ConnectAsync(host, "node-a");
        await agent.SendEventsAsync(
            UsageEvents.Created(1, "ses_1", "demo"),
            UsageEvents.Created(2, "ses_2", "sub"),
            // 10 January in New York runs from 05:00Z on the 10th to 05:00Z on the 11th.
            UsageEvents.At(3, UsageEvents.Utc("2026-01-10T15:00:00Z"), "ses_1", "openai", "gpt-5", 2m),
            UsageEvents.At(4, UsageEvents.Utc("2026-01-11T03:00:00Z"), "ses_1", "openai", "gpt-5", 1m),
            UsageEvents.At(5, UsageEvents.Utc("2026-01-11T03:10:00Z"), "ses_2", "openai", "gpt-5", 5m),
            // The rest of UTC day 11 January, a local day after the period: providers bill whole UTC days, so it is compared too.
            UsageEvents.At(6, UsageEvents.Utc("2026-01-11T20:00:00Z"), "ses_1", "openai", "gpt-5", 7m));
        await agent.WaitForAckAsync(6);

        var report = await host.GetDataAsync("/api/v1/cost?period=custom&from=2026-01-10&to=2026-01-10");

        var period = report.GetProperty("period");
        Assert.Equal(("2026-01-10", "2026-01-11"), (period.GetProperty("utc_from").GetString(), period.GetProperty("utc_to").GetString()));
        Assert.Equal(3m, report.GetProperty("totals").GetProperty("cost_usd").GetDecimal());
        Assert.Equal(5m, report.GetProperty("totals").GetProperty("equivalent_usd").GetDecimal());
        // The real registration: no poller reports on openai, so nothing is billed and its status says why.
        var openai = Assert.Single(report.GetProperty("providers").EnumerateArray(), p => p.GetProperty("provider").GetString() == "openai");
        Assert.Equal("not_configured", openai.GetProperty("status").GetString());
        Assert.Equal(10m, openai.GetProperty("metered_usd").GetDecimal());
        Assert.Equal(JsonValueKind.Null, openai.GetProperty("billed_usd").ValueKind);
        Assert.Equal(JsonValueKind.Null, openai.GetProperty("difference_usd").ValueKind);
        Assert.Equal(["2026-01-10 2 Null", "2026-01-11 8 Null"], openai.GetProperty("days").EnumerateArray().Select(d =>
            $"{d.GetProperty("date").GetString()} {d.GetProperty("metered_usd").GetDecimal()} {d.GetProperty("billed_usd").ValueKind}"));
    }

    [Fact]
    public async Task NoQuery_EmptyLedger_TodayByProviderAndModelAllZero()
    {
        await using var host = await SupervisorHost.StartAsync();

        var report = await host.GetDataAsync("/api/v1/cost");

        var period = report.GetProperty("period");
        var today = UsageEvents.Text(DateOnly.FromDateTime(DateTime.UtcNow));
        Assert.Equal(("today", "UTC", 1), (period.GetProperty("name").GetString(), period.GetProperty("time_zone").GetString(), period.GetProperty("days").GetInt32()));
        Assert.Equal(period.GetProperty("from").GetString(), period.GetProperty("to").GetString());
        Assert.Equal(today, period.GetProperty("to").GetString());
        Assert.Equal(0m, report.GetProperty("totals").GetProperty("cost_usd").GetDecimal());
        Assert.Equal(0, report.GetProperty("totals").GetProperty("tokens").GetProperty("total").GetInt64());
        Assert.Equal(0m, report.GetProperty("daily_average").GetProperty("cost_usd").GetDecimal());
        Assert.Empty(report.GetProperty("rows").EnumerateArray());
        Assert.DoesNotContain(report.GetProperty("providers").EnumerateArray(), p => p.GetProperty("billed_usd").ValueKind != JsonValueKind.Null);
    }

    [Theory]
    [InlineData("period=year&group_by=project,colour,project&limit=0",
        "period: must be one of today, week, month, custom (was 'year')", "group_by: unknown dimension 'colour'", "group_by: names 'project' more than once",
        "limit: must be an integer from 1 to 10000")]
    [InlineData("period=custom", "from: is required with period=custom", "to: is required with period=custom")]
    [InlineData("period=custom&from=2026-13-01&to=26-01-02", "from: must be a date YYYY-MM-DD", "to: must be a date YYYY-MM-DD")]
    [InlineData("period=custom&from=2026-02-01&to=2026-01-31", "from: must not be after to (2026-02-01 > 2026-01-31)")]
    [InlineData("period=custom&from=2025-01-01&to=2026-01-02", "to: the period spans 367 days", "at most 366")]
    [InlineData("period=week&from=2026-01-01", "from: is only read with period=custom")]
    public async Task BadQuery_400NamingEveryProblem(string query, params string[] problems)
    {
        await using var host = await SupervisorHost.StartAsync();

        var (status, body) = await host.GetAsync("/api/v1/cost?" + query);

        Assert.Equal(400, status);
        Assert.Equal("invalid_request", body.GetProperty("code").GetString());
        var errors = body.GetProperty("details").GetProperty("errors").EnumerateArray()
            .Select(e => $"{e.GetProperty("field").GetString()}: {e.GetProperty("message").GetString()}").ToList();
        foreach (var problem in problems)
        {
            Assert.Contains(problem, body.GetProperty("error").GetString(), StringComparison.Ordinal);
        }
        Assert.Equal(problems.Count(p => p.Contains(": ", StringComparison.Ordinal)), errors.Count);
    }
}
