using HalOSwarm.Supervisor.Hosting;
using HalOSwarm.Testing;

namespace HalOSwarm.Supervisor.Tests.Cost;

/// <summary><c>hal-supervisor --validate</c> on cost.rates and cost.accounts.</summary>
public sealed class LedgerChecksTests
{
    private static async Task<(int Code, string Error)> ValidateAsync(string cost)
    {
        using var temp = new TempDirectory("hal-cfg");
        var path = temp.Combine("supervisor.config.json");
        await File.WriteAllTextAsync(path, $$"""{"server":{"auth_token":"0123456789abcdef0123"},"cost":{{cost}}}""");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await SupervisorCommand.RunAsync(["--config", path, "--validate"], output, error);
        return (code, error.ToString());
    }

    [Fact]
    public async Task Validate_GoodRatesAndAccounts_ExitsZero()
    {
        var (code, error) = await ValidateAsync("""
            {"time_zone":"Europe/Berlin",
             "rates":[{"model":"claude-sonnet-4*","input_per_mtok":3,"output_per_mtok":15,"cache_read_per_mtok":0.3,"cache_write_per_mtok":3.75}],
             "accounts":[{"name":"claude-max","kind":"subscription","provider":"anthropic","runtime":"claude-code","nodes":["n1"],"projects":["web"]},
                         {"name":"openai.org-1","provider":"openai"}]}
            """);

        Assert.True(code == 0, error);
    }

    [Fact]
    public async Task Validate_BadRatesAndAccounts_ReportsEveryProblemWithItsKey()
    {
        var (code, error) = await ValidateAsync("""
            {"rates":[{"model":"","input_per_mtok":-1,"output_per_mtok":10000,"reasoning_per_mtok":1}],
             "accounts":[{"name":"team a","kind":"api"},{"name":"max","kind":"login"},{"name":"MAX"},{"name":"","nodes":[""]}]}
            """);

        Assert.NotEqual(0, code);
        foreach (var expected in new[]
        {
            "cost.rates[0].model: must be a model name",
            "cost.rates[0].input_per_mtok: must be USD per million tokens from 0 to below 10000 (was -1)",
            "cost.rates[0].output_per_mtok: must be USD per million tokens",
            "cost.accounts[0].name: must be 1-64 characters of A-Z, a-z, 0-9, '.', '_' and '-' (was 'team a')",
            "cost.accounts[1].kind: must be api or subscription (was 'login')",
            "cost.accounts[2].name: 'MAX' is already the name of another account",
            "cost.accounts[3].name: must be 1-64 characters",
            "cost.accounts[3].nodes[0]: must be 1-128 printable characters",
        })
        {
            Assert.Contains(expected, error, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("reasoning_per_mtok", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_TooManyRates_RefusedWithTheLimit()
    {
        var rates = string.Join(",", Enumerable.Range(0, 501).Select(i => $$"""{"model":"m{{i}}"}"""));
        var (code, error) = await ValidateAsync($$"""{"rates":[{{rates}}]}""");

        Assert.NotEqual(0, code);
        Assert.Contains("cost.rates: at most 500 entries (was 501)", error, StringComparison.Ordinal);
    }
}
