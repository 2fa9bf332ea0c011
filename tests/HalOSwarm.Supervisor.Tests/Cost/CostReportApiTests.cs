using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Cost;

/// <summary>
/// <c>GET /api/v1/cost</c> against the composed supervisor. The ledger rows are written into its file as the ledger books
/// them (<see cref="LedgerRow"/>); what the report makes of them is what is checked.
/// </summary>
public sealed class CostReportApiTests
{
    private const long Usd = 1_000_000_000;

    [Fact]
    public async Task Week_AucklandTimeZone_LocalMondayToTodayTotalsAverageAndEquivalentApart()
    {
        const string zone = "Pacific/Auckland";
        await using var host = await SupervisorHost.StartAsync(c => c["cost"] = new JsonObject { ["time_zone"] = zone });
        var auckland = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, auckland).DateTime);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        await LedgerRow.InsertAsync(host,
            // Booked at local 00:30 (the UTC hour is on the day before): the local day decides, not the UTC date.
            LedgerRow.At(today, new TimeOnly(0, 30), auckland) with { Input = 1000, Output = 200, CacheRead = 50, CostNanos = 1_250_000_000, Messages = 3 },
            LedgerRow.At(monday, new TimeOnly(12, 0), auckland) with { Provider = "openai", Model = "gpt-5", Account = "openai:default", SessionId = "ses_2", Input = 400, Reasoning = 30, CostNanos = 500_000_001 },
            // A subscription login's usage at the equivalent API price: shown, never added into cost_usd.
            LedgerRow.At(today, new TimeOnly(9, 0), auckland) with { Model = "claude-opus-4", Account = "claude-max", Equivalent = true, Input = 100, CacheWrite = 7, CostNanos = 3 * Usd },
            // The Sunday before: outside the week.
            LedgerRow.At(monday.AddDays(-1), new TimeOnly(23, 30), auckland) with { Model = "old", CostNanos = 100 * Usd });

        var report = await host.GetDataAsync("/api/v1/cost?period=week");

        var period = report.GetProperty("period");
        var days = today.DayNumber - monday.DayNumber + 1;
        Assert.Equal("week", period.GetProperty("name").GetString());
        Assert.Equal(LedgerRow.Text(monday), period.GetProperty("from").GetString());
        Assert.Equal(LedgerRow.Text(today), period.GetProperty("to").GetString());
        Assert.Equal(zone, period.GetProperty("time_zone").GetString());
        Assert.Equal(days, period.GetProperty("days").GetInt32());
        Assert.Equal(days, period.GetProperty("days_elapsed").GetInt32());
        var totals = report.GetProperty("totals");
        Assert.Equal(1.750000001m, totals.GetProperty("cost_usd").GetDecimal());
        Assert.Equal(3m, totals.GetProperty("equivalent_usd").GetDecimal());
        Assert.Equal(5, totals.GetProperty("messages").GetInt64());
        var tokens = totals.GetProperty("tokens");
        Assert.Equal((1500, 200, 30, 50, 7, 1787), (tokens.GetProperty("input").GetInt64(), tokens.GetProperty("output").GetInt64(),
            tokens.GetProperty("reasoning").GetInt64(), tokens.GetProperty("cache_read").GetInt64(), tokens.GetProperty("cache_write").GetInt64(),
            tokens.GetProperty("total").GetInt64()));
        var average = report.GetProperty("daily_average");
        Assert.Equal(decimal.Round(1.750000001m / days, 9), average.GetProperty("cost_usd").GetDecimal());
        Assert.Equal(decimal.Round(3m / days, 9), average.GetProperty("equivalent_usd").GetDecimal());
        Assert.Equal((long)Math.Round(1787m / days, MidpointRounding.AwayFromZero), average.GetProperty("tokens").GetInt64());
        Assert.Equal(["provider", "model"], report.GetProperty("group_by").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["anthropic/claude-sonnet-4 1.25 0", "openai/gpt-5 0.500000001 0", "anthropic/claude-opus-4 0 3"],
            report.GetProperty("rows").EnumerateArray().Select(r =>
                $"{r.GetProperty("provider").GetString()}/{r.GetProperty("model").GetString()} {r.GetProperty("cost_usd").GetDecimal()} {r.GetProperty("equivalent_usd").GetDecimal()}"));
    }

    [Fact]
    public async Task Custom_GroupByProjectAndNode_RowsPerGroupByCostOnlyTheirDimensionsAndALimit()
    {
        await using var host = await SupervisorHost.StartAsync();
        var day = new DateOnly(2026, 1, 15);
        await LedgerRow.InsertAsync(host,
            LedgerRow.OnDay(day) with { Project = "web", NodeId = "n1", CostNanos = 2 * Usd },
            LedgerRow.OnDay(day) with { Project = "web", NodeId = "n1", SessionId = "ses_2", Model = "m2", CostNanos = 1 * Usd, PricedMessages = 1 },
            LedgerRow.OnDay(day.AddDays(1)) with { Project = "api", NodeId = "n2", SessionId = "ses_3", CostNanos = 4 * Usd },
            LedgerRow.OnDay(day) with { Project = "web", NodeId = "n2", SessionId = "ses_4", CostNanos = 1 },
            LedgerRow.OnDay(new DateOnly(2026, 2, 1)) with { Project = "late", CostNanos = 9 * Usd });

        var report = await host.GetDataAsync("/api/v1/cost?period=custom&from=2026-01-01&to=2026-01-31&group_by=project,node");
        var limited = await host.GetDataAsync("/api/v1/cost?period=custom&from=2026-01-01&to=2026-01-31&group_by=project,node&limit=1");

        Assert.Equal(31, report.GetProperty("period").GetProperty("days_elapsed").GetInt32());
        Assert.Equal(7.000000001m, report.GetProperty("totals").GetProperty("cost_usd").GetDecimal());
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
    }

    [Fact]
    public async Task Providers_NewYorkDay_MeteredPerUtcDayWithoutEquivalentBilledNullWithNoPoller()
    {
        await using var host = await SupervisorHost.StartAsync(c => c["cost"] = new JsonObject { ["time_zone"] = "America/New_York" });
        await LedgerRow.InsertAsync(host,
            // 10 January in New York runs from 05:00Z on the 10th to 05:00Z on the 11th.
            new LedgerRow { HourUtc = "2026-01-10T15:00:00Z", DayLocal = "2026-01-10", Provider = "openai", CostNanos = 2 * Usd },
            new LedgerRow { HourUtc = "2026-01-11T03:00:00Z", DayLocal = "2026-01-10", Provider = "openai", CostNanos = 1 * Usd, SessionId = "ses_2" },
            new LedgerRow { HourUtc = "2026-01-11T03:00:00Z", DayLocal = "2026-01-10", Provider = "openai", Account = "chatgpt", Equivalent = true, CostNanos = 5 * Usd },
            // The rest of UTC day 11 January, a local day after the period: the providers bill whole UTC days, so it is compared too.
            new LedgerRow { HourUtc = "2026-01-11T20:00:00Z", DayLocal = "2026-01-11", Provider = "openai", CostNanos = 7 * Usd });

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
        var today = LedgerRow.Text(DateOnly.FromDateTime(DateTime.UtcNow));
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
