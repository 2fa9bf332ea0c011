using HalOSwarm.Supervisor.Configuration;
using HalOSwarm.Supervisor.Tests.Support;
using HalOSwarm.Testing.FakeProviders;
using Microsoft.Extensions.Logging;

namespace HalOSwarm.Supervisor.Tests.Cost.Providers;

/// <summary>Provider keys: never in a log line, an API answer or a stored error; a placeholder key is a note, and never sent.</summary>
public sealed class ProviderKeyTests
{
    [Fact]
    public async Task Poll_KeyRevokedAndProviderRateLimited_KeysNowhereInLogsOrAnswers_DegradedLoggedOncePerChange()
    {
        await using var fakes = await ProviderFakes.StartAsync();
        fakes.Anthropic.AddCost(ProviderFakes.Today, null, "Claude Haiku Usage", "10");
        await using var host = await SupervisorHost.StartAsync(c =>
        {
            fakes.Configure()(c);
            c["logging"]!["level"] = "debug";
        });
        await ProviderFakes.PollAsync(host);
        using var logs = new CapturedLogs();
        host.Service<ILoggerFactory>().AddProvider(logs);
        fakes.Anthropic.ApiKey = "sk-ant-admin01-another-key";
        fakes.OpenAI.FailNext(new FakeBillingFailure(429, RetryAfterSeconds: 0), new FakeBillingFailure(500));

        var first = await ProviderFakes.PollAsync(host);
        var second = await ProviderFakes.PollAsync(host);
        fakes.Anthropic.ApiKey = ProviderFakes.AnthropicKey;
        var third = await ProviderFakes.PollAsync(host);

        ProviderFakes.AssertState("degraded", first, "anthropic");
        Assert.Equal("the provider refused the key in cost.providers.anthropic.admin_api_key (HTTP 401)", first["anthropic"].GetProperty("error").GetString());
        ProviderFakes.AssertState("degraded", second, "anthropic");
        ProviderFakes.AssertState("ok", first, "openai");
        ProviderFakes.AssertState("ok", third, "anthropic");
        var lines = logs.Lines;
        Assert.Single(lines, l => l.Event == "cost.provider_degraded");
        Assert.Single(lines, l => l.Event == "cost.provider_recovered");
        Assert.Contains(lines, l => l.Event == "cost.provider_retry" && l.Text.Contains("HTTP 429", StringComparison.Ordinal));
        var everything = string.Join("\n", lines.Select(l => l.Text)) + first["anthropic"] + first["openai"] + second["anthropic"]
            + string.Join("\n", await ProviderFakes.RowsAsync(host, "SELECT * FROM provider_poll_status"));
        Assert.DoesNotContain(ProviderFakes.AnthropicKey, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(ProviderFakes.OpenAIKey, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("fake-key", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SeedReadmePlaceholderKey_NotConfiguredWithANoteAndNeverCalled()
    {
        await using var fakes = await ProviderFakes.StartAsync();
        await using var host = await SupervisorHost.StartAsync(c => c["cost"] = new System.Text.Json.Nodes.JsonObject
        {
            ["poll_interval_minutes"] = 60,
            ["providers"] = new System.Text.Json.Nodes.JsonObject
            {
                ["anthropic"] = new System.Text.Json.Nodes.JsonObject { ["admin_api_key"] = "your-anthropic-admin-api-key", ["base_url"] = fakes.Anthropic.BaseUrl.ToString() },
            },
        });

        var statuses = await ProviderFakes.PollAsync(host);

        ProviderFakes.AssertState("not_configured", statuses, "anthropic");
        ProviderFakes.AssertState("not_configured", statuses, "openai");
        Assert.Empty(fakes.Anthropic.Requests);
        var note = Assert.Single(host.Service<ConfigNotes>().Notes, n => n.StartsWith("cost.", StringComparison.Ordinal));
        Assert.Equal("cost.providers.anthropic.admin_api_key: holds a placeholder, not an Admin API key; Anthropic billing is not polled (not_configured)", note);
        Assert.DoesNotContain("your-anthropic", statuses["anthropic"].ToString(), StringComparison.Ordinal);
    }
}
