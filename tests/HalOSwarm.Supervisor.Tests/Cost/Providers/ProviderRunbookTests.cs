using System.Globalization;
using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Cost.Providers;

/// <summary>docs/OPERATIONS.md "Cost Data Discrepancy": the poll request and the SQL statements as written.</summary>
public sealed class ProviderRunbookTests
{
    [SqliteOnlyFact("the runbook's statements are written for sqlite3 on the SQLite file")]
    public async Task OperationsRunbook_StatementsAsWritten_ShowBilledDaysStatusAndUnmappedIds()
    {
        await using var fakes = await ProviderFakes.StartAsync();
        var today = ProviderFakes.Today;
        fakes.Anthropic.AddCost(today, "wrkspc_web", "Claude Sonnet Usage", "123.5");
        fakes.Anthropic.AddUsage(today, "wrkspc_unmapped", "claude-sonnet-4", 10, 1);
        fakes.OpenAI.ApiKey = "sk-admin-rotated";
        await using var host = await SupervisorHost.StartAsync(fakes.Configure());

        var statuses = await ProviderFakes.PollAsync(host);

        ProviderFakes.AssertState("ok", statuses, "anthropic");
        ProviderFakes.AssertState("degraded", statuses, "openai");
        Assert.Equal("the provider refused the key in cost.providers.openai.org_api_key (HTTP 401)", statuses["openai"].GetProperty("error").GetString());
        var day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal([$"{day}|anthropic|1.235"], await ProviderFakes.RowsAsync(host,
            "SELECT day, provider, SUM(cost_nanos) / 1e9 AS billed_usd FROM provider_costs GROUP BY day, provider ORDER BY day DESC LIMIT 10;"));
        var status = await ProviderFakes.RowsAsync(host, "SELECT * FROM provider_poll_status;");
        Assert.Contains(status, r => r.StartsWith("anthropic|ok|", StringComparison.Ordinal));
        Assert.Contains(status, r => r.StartsWith("openai|degraded|null|", StringComparison.Ordinal) && r.EndsWith("(HTTP 401)", StringComparison.Ordinal));
        var audit = await host.GetDataAsync("/api/v1/audit?action=cost.poll");
        var entry = Assert.Single(audit.EnumerateArray());
        Assert.Equal("degraded", entry.GetProperty("result").GetString());
        Assert.Equal("openai: the provider refused the key in cost.providers.openai.org_api_key (HTTP 401)", entry.GetProperty("error").GetString());
        Assert.Equal(["anthropic|wrkspc_unmapped"], await ProviderFakes.RowsAsync(host, "SELECT DISTINCT provider, scope_id FROM provider_usage WHERE project IS NULL;"));
    }
}
