using HalOSwarm.Supervisor.Cost;
using HalOSwarm.Supervisor.Tests.Support;
using HalOSwarm.Testing;
using HalOSwarm.Testing.FakeProviders;
using HalOSwarm.Testing.Metrics;

namespace HalOSwarm.Supervisor.Tests.Cost.Providers;

/// <summary>The pollers against fake billing APIs of both providers, through the real host (IProviderBilling, the poll API, the tables).</summary>
public sealed class ProviderPollerTests
{
    private static async Task<ProviderBillingReport> BilledAsync(SupervisorHost host) =>
        await host.Service<IProviderBilling>().GetAsync(ProviderFakes.Today.AddDays(-7), ProviderFakes.Today, CancellationToken.None);

    private static decimal Billed(ProviderBillingReport report, string provider, DateOnly day) =>
        report.Days.Where(d => d.Provider == provider && d.Day == day).Sum(d => d.BilledUsd);

    [Fact]
    public async Task Poll_ReportsOnTwoPages_EveryDayStoredPerProviderAndProjectMapped()
    {
        await using var fakes = await ProviderFakes.StartAsync();
        fakes.Anthropic.PageSize = 4;
        fakes.OpenAI.PageSize = 4;
        var today = ProviderFakes.Today;
        fakes.Anthropic.AddCost(today.AddDays(-7), "wrkspc_web", "Claude Sonnet 4 Usage - Input Tokens", "150", "claude-sonnet-4");
        fakes.Anthropic.AddCost(today.AddDays(-7), null, "Claude Sonnet 4 Usage - Output Tokens", "50.5", "claude-sonnet-4");
        fakes.Anthropic.AddCost(today, "wrkspc_web", "Claude Sonnet 4 Usage - Input Tokens", "1000");
        fakes.Anthropic.AddUsage(today, "wrkspc_web", "claude-sonnet-4", uncachedInput: 1000, output: 200, cacheRead: 300, cacheWrite5m: 40);
        fakes.OpenAI.AddCost(today.AddDays(-6), "proj_api", "gpt-5, input", 0.25m);
        fakes.OpenAI.AddCost(today, "proj_api", "gpt-5, output", 1.5m);
        fakes.OpenAI.AddUsage(today, "proj_api", "gpt-5", input: 1000, output: 100, cached: 600, requests: 3);
        await using var host = await SupervisorHost.StartAsync(fakes.Configure());

        var statuses = await ProviderFakes.PollAsync(host);

        ProviderFakes.AssertState("ok", statuses, "anthropic");
        ProviderFakes.AssertState("ok", statuses, "openai");
        // 8 daily buckets on pages of 4: the second page is asked for with the first page's next_page.
        foreach (var (server, path) in new (FakeBillingServer, string)[]
        {
            (fakes.Anthropic, FakeAnthropicAdminServer.CostPath), (fakes.Anthropic, FakeAnthropicAdminServer.UsagePath),
            (fakes.OpenAI, FakeOpenAIAdminServer.CostPath), (fakes.OpenAI, FakeOpenAIAdminServer.UsagePath),
        })
        {
            var requests = server.Requests.Where(r => r.Path == path && r.Status == 200).ToList();
            Assert.Contains(requests, r => r.Param("page") is null);
            Assert.Contains(requests, r => r.Param("page") is { Length: > 0 });
        }
        var report = await BilledAsync(host);
        Assert.Equal(2.005m, Billed(report, "anthropic", today.AddDays(-7)));
        Assert.Equal(10m, Billed(report, "anthropic", today));
        Assert.Equal(0.25m, Billed(report, "openai", today.AddDays(-6)));
        Assert.Equal(1.5m, Billed(report, "openai", today));
        Assert.Equal(4, report.Days.Count);
        var usage = await ProviderFakes.RowsAsync(host,
            "SELECT provider, scope_id, model, project, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, requests FROM provider_usage ORDER BY provider");
        Assert.Equal(["anthropic|wrkspc_web|claude-sonnet-4|web|1000|200|300|40|null", "openai|proj_api|gpt-5|api|400|100|600|0|3"], usage);
        var costs = await ProviderFakes.RowsAsync(host, $"SELECT scope_id, project FROM provider_costs WHERE provider = 'anthropic' AND day = '{today.AddDays(-7):yyyy-MM-dd}' ORDER BY scope_id");
        Assert.Equal(["|ops", "wrkspc_web|web"], costs);
    }

    [Fact]
    public async Task Poll_RateLimitedOnce_WaitsRetryAfterThenSucceeds()
    {
        await using var fakes = await ProviderFakes.StartAsync();
        fakes.Anthropic.AddCost(ProviderFakes.Today, null, "Claude Haiku Usage", "42");
        await using var host = await SupervisorHost.StartAsync(fakes.Configure());
        await ProviderFakes.PollAsync(host);
        fakes.Anthropic.FailNext(new FakeBillingFailure(429, RetryAfterSeconds: 1));
        var before = fakes.Anthropic.Requests.Count;

        var statuses = await ProviderFakes.PollAsync(host);

        ProviderFakes.AssertState("ok", statuses, "anthropic");
        var requests = fakes.Anthropic.Requests.Skip(before).ToList();
        Assert.Equal(429, requests[0].Status);
        Assert.Equal(200, requests[1].Status);
        Assert.Equal(requests[0].Path, requests[1].Path);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(900), $"retried after {(requests[1].At - requests[0].At).TotalMilliseconds} ms");
        Assert.Equal(0.42m, Billed(await BilledAsync(host), "anthropic", ProviderFakes.Today));
    }

    [Fact]
    public async Task Poll_RetryAfterBeyondFiveMinutes_DegradedWithoutWaiting_OtherProviderStored()
    {
        await using var fakes = await ProviderFakes.StartAsync();
        fakes.OpenAI.AddCost(ProviderFakes.Today, "proj_api", "gpt-5, input", 0.5m);
        await using var host = await SupervisorHost.StartAsync(fakes.Configure());
        await ProviderFakes.PollAsync(host);
        fakes.Anthropic.FailNext(new FakeBillingFailure(429, RetryAfterSeconds: 3600));

        var statuses = await ProviderFakes.PollAsync(host);

        ProviderFakes.AssertState("degraded", statuses, "anthropic");
        Assert.Contains("rate limited (HTTP 429)", statuses["anthropic"].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("asked to wait 3600 s", statuses["anthropic"].GetProperty("error").GetString(), StringComparison.Ordinal);
        ProviderFakes.AssertState("ok", statuses, "openai");
        Assert.Equal(0.5m, Billed(await BilledAsync(host), "openai", ProviderFakes.Today));
    }

    [Fact]
    public async Task Poll_ProviderDown_DegradedWithReasonWhileTheOtherIsServed_RecoversOnceUp()
    {
        await using var fakes = await ProviderFakes.StartAsync();
        fakes.Anthropic.AddCost(ProviderFakes.Today, null, "Claude Haiku Usage", "300");
        fakes.OpenAI.AddCost(ProviderFakes.Today, null, "gpt-5, input", 2m);
        await using var host = await SupervisorHost.StartAsync(fakes.Configure());
        var first = await ProviderFakes.PollAsync(host);
        var lastSuccess = first["anthropic"].GetProperty("last_success_at").GetDateTimeOffset();
        fakes.Anthropic.Down = true;
        fakes.OpenAI.ClearData();
        fakes.OpenAI.AddCost(ProviderFakes.Today, null, "gpt-5, input", 3m);

        var statuses = await ProviderFakes.PollAsync(host);

        ProviderFakes.AssertState("degraded", statuses, "anthropic");
        Assert.Contains("HTTP 503", statuses["anthropic"].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(lastSuccess, statuses["anthropic"].GetProperty("last_success_at").GetDateTimeOffset());
        ProviderFakes.AssertState("ok", statuses, "openai");
        var report = await BilledAsync(host);
        Assert.Equal(3m, Billed(report, "openai", ProviderFakes.Today));
        // What the degraded provider billed before stays served, marked by its status.
        Assert.Equal(3m, Billed(report, "anthropic", ProviderFakes.Today));
        Assert.Equal("degraded", report.Providers.Single(p => p.Provider == "anthropic").State);

        var metrics = PrometheusText.Parse(await host.Api.GetStringAsync("/metrics"));
        Assert.Equal(1, metrics["hal_o_swarm_cost_provider_degraded{provider=anthropic}"]);
        Assert.Equal(0, metrics["hal_o_swarm_cost_provider_degraded{provider=openai}"]);
        Assert.True(metrics["hal_o_swarm_cost_provider_polls_total{provider=anthropic,result=failed}"] >= 1);

        fakes.Anthropic.Down = false;
        ProviderFakes.AssertState("ok", await ProviderFakes.PollAsync(host), "anthropic");
    }

    [Fact]
    public async Task Restart_ProviderDownSinceThen_StoredBillingServedAndLastSuccessKept()
    {
        await using var fakes = await ProviderFakes.StartAsync();
        fakes.Anthropic.AddCost(ProviderFakes.Today.AddDays(-2), "wrkspc_web", "Claude Haiku Usage", "250");
        using var temp = new TempDirectory("hal-sup");
        DateTimeOffset lastSuccess;
        await using (var first = await SupervisorHost.StartAsync(fakes.Configure(), temp))
        {
            lastSuccess = (await ProviderFakes.PollAsync(first))["anthropic"].GetProperty("last_success_at").GetDateTimeOffset();
        }
        fakes.Anthropic.Down = true;

        await using var host = await SupervisorHost.StartAsync(fakes.Configure(), temp);
        var statuses = await ProviderFakes.PollAsync(host);

        ProviderFakes.AssertState("degraded", statuses, "anthropic");
        Assert.Equal(lastSuccess, statuses["anthropic"].GetProperty("last_success_at").GetDateTimeOffset());
        Assert.Equal(2.5m, Billed(await BilledAsync(host), "anthropic", ProviderFakes.Today.AddDays(-2)));
    }

    [Fact]
    public async Task Poll_ConnectionRefused_DegradedAfterItsRetries()
    {
        await using var fakes = await ProviderFakes.StartAsync();
        var closedPort = FreePort.Next();
        await using var host = await SupervisorHost.StartAsync(fakes.Configure(cost =>
            cost["providers"]!["openai"]!["base_url"] = $"http://127.0.0.1:{closedPort}"));

        var statuses = await ProviderFakes.PollAsync(host);

        ProviderFakes.AssertState("degraded", statuses, "openai");
        Assert.Contains("connection failed", statuses["openai"].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("3 attempt(s)", statuses["openai"].GetProperty("error").GetString(), StringComparison.Ordinal);
        ProviderFakes.AssertState("ok", statuses, "anthropic");
    }

    [Fact]
    public async Task Poll_Repeated_ReplacesTheDaysNeverAdds()
    {
        await using var fakes = await ProviderFakes.StartAsync();
        var today = ProviderFakes.Today;
        fakes.Anthropic.AddCost(today.AddDays(-1), "wrkspc_web", "Claude Opus Usage", "700");
        fakes.Anthropic.AddUsage(today.AddDays(-1), "wrkspc_web", "claude-opus-4", 10, 20);
        fakes.OpenAI.AddCost(today.AddDays(-1), "proj_api", "gpt-5, input", 0.3m);
        await using var host = await SupervisorHost.StartAsync(fakes.Configure());

        await ProviderFakes.PollAsync(host);
        await ProviderFakes.PollAsync(host);
        await ProviderFakes.PollAsync(host);

        var report = await BilledAsync(host);
        Assert.Equal(7m, Billed(report, "anthropic", today.AddDays(-1)));
        Assert.Equal(0.3m, Billed(report, "openai", today.AddDays(-1)));
        Assert.Equal(["2"], await ProviderFakes.RowsAsync(host, "SELECT count(*) FROM provider_costs"));
        Assert.Equal(["1"], await ProviderFakes.RowsAsync(host, "SELECT count(*) FROM provider_usage"));

        // A provider's correction of a past day replaces the stored amount; a line it no longer reports goes away.
        fakes.Anthropic.ClearData();
        fakes.Anthropic.AddCost(today.AddDays(-1), "wrkspc_web", "Claude Opus Usage", "650");
        await ProviderFakes.PollAsync(host);
        report = await BilledAsync(host);
        Assert.Equal(6.5m, Billed(report, "anthropic", today.AddDays(-1)));
        Assert.Equal(["0"], await ProviderFakes.RowsAsync(host, "SELECT count(*) FROM provider_usage WHERE provider = 'anthropic'"));
    }

    [Fact]
    public async Task Poll_CentsAsDecimalStrings_ParsedExactly()
    {
        await using var fakes = await ProviderFakes.StartAsync();
        var today = ProviderFakes.Today;
        fakes.Anthropic.AddCost(today, "wrkspc_web", "Claude Sonnet Usage - Input", "123.78912");
        // 20 significant digits: a double keeps about 16 and would read 1234567.8901234568.
        fakes.Anthropic.AddCost(today.AddDays(-1), "wrkspc_web", "Claude Sonnet Usage - Input", "123456789.01234567891");
        fakes.Anthropic.AddCost(today.AddDays(-2), "wrkspc_web", "Claude Sonnet Usage - Input", "0.1");
        fakes.Anthropic.AddCost(today.AddDays(-2), "wrkspc_web", "Claude Sonnet Usage - Output", "0.2");
        fakes.OpenAI.AddCost(today, "proj_api", "gpt-5, input", 0.1234567890123456789m);
        await using var host = await SupervisorHost.StartAsync(fakes.Configure());

        await ProviderFakes.PollAsync(host);

        var report = await BilledAsync(host);
        Assert.Equal(1.2378912m, Billed(report, "anthropic", today));
        Assert.Equal(1234567.8901234567891m, Billed(report, "anthropic", today.AddDays(-1)));
        Assert.Equal(0.003m, Billed(report, "anthropic", today.AddDays(-2)));
        Assert.Equal(0.1234567890123456789m, Billed(report, "openai", today));
        Assert.Equal(["1.2378912|1237891200"], await ProviderFakes.RowsAsync(host,
            $"SELECT amount_usd, cost_nanos FROM provider_costs WHERE provider = 'anthropic' AND day = '{today:yyyy-MM-dd}'"));
    }
}
