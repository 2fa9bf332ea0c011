using HalOSwarm.Supervisor.Cost;

namespace HalOSwarm.Supervisor.Tests.Cost.Providers;

public sealed class ProviderChecksTests
{
    [Fact]
    public void Check_BadProviderKeys_EveryErrorWithItsKeyNeverTheSecret()
    {
        var providers = new CostProvidersOptions
        {
            Anthropic = new() { AdminApiKey = "sk-ant-admin01 with-a-space", BaseUrl = "ftp://example", Workspaces = new() { ["wrkspc/x"] = "web", ["wrkspc_y"] = "a/b" } },
            OpenAI = new() { OrgApiKey = "sk-admin-ok", BaseUrl = "https://user:pw@api.example.com/" },
            MaxRetries = 11,
            RetryDelayMs = 0,
        };
        var errors = new List<string>();

        ProviderChecks.Check(providers, errors);

        Assert.Collection(errors,
            e => Assert.StartsWith("cost.providers.anthropic.admin_api_key: must be at most 512 printable characters", e, StringComparison.Ordinal),
            e => Assert.StartsWith("cost.providers.anthropic.base_url: must be an http or https URL", e, StringComparison.Ordinal),
            e => Assert.StartsWith("cost.providers.anthropic.workspaces.wrkspc/x: workspace ids must be", e, StringComparison.Ordinal),
            e => Assert.StartsWith("cost.providers.anthropic.workspaces.wrkspc_y: must be a project name", e, StringComparison.Ordinal),
            e => Assert.StartsWith("cost.providers.openai.base_url: must be an http or https URL", e, StringComparison.Ordinal),
            e => Assert.StartsWith("cost.providers.max_retries: must be from 0 to 10", e, StringComparison.Ordinal),
            e => Assert.StartsWith("cost.providers.retry_delay_ms: must be from 10 to 60000", e, StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("with-a-space", StringComparison.Ordinal) || e.Contains("pw@", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("your-anthropic-admin-api-key", true)]
    [InlineData("<admin key>", true)]
    [InlineData("CHANGEME", true)]
    [InlineData("sk-ant-admin01-abc", false)]
    [InlineData("", false)]
    public void Notes_PlaceholderKey_NotedWithoutTheValue(string key, bool noted)
    {
        var notes = new List<string>();

        ProviderChecks.Notes(new CostOptions { Providers = new() { Anthropic = new() { AdminApiKey = key } } }, notes);

        Assert.Equal(noted, notes.Count == 1);
        Assert.DoesNotContain(notes, n => key.Length > 0 && n.Contains(key, StringComparison.Ordinal));
    }
}
