using HalOSwarm.Agent.Configuration;
using HalOSwarm.Testing;
using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Agent.Tests.Runtimes.Codex;

/// <summary><c>runtimes.codex</c> read from an agent config file: bound (provider, rates per model) and validated with its keys.</summary>
public sealed class CodexConfigFileTests : IDisposable
{
    private readonly TempDirectory _dir = new("hal-codex-config");

    public void Dispose() => _dir.Dispose();

    private string Write(string codex)
    {
        var path = _dir.Combine("agent.config.json");
        File.WriteAllText(path, $$"""
            {"supervisor_url":"ws://127.0.0.1:8420/ws/agent","auth_token":"t","state_dir":"state",
             "runtimes":{"codex":{{codex}}},
             "projects":[{"name":"a","directory":"{{_dir.Path}}","runtime":"codex"}]}
            """);
        return path;
    }

    [Fact]
    public void Bind_ProviderAndRates_ReadPerModel()
    {
        var path = Write("""
            {"approval_policy":"never","provider":{"name":"fake","base_url":"http://127.0.0.1:9/v1","env_key":"K"},
             "rates":{"gpt-5.1-codex":{"input":1.25,"cached_input":0.125,"output":10}}}
            """);
        var builder = new ConfigurationBuilder();
        var errors = AgentConfigLoader.AddAgentConfig(builder, path);

        var codex = AgentConfigLoader.Bind(builder.Build(), errors).Runtimes.Codex;

        Assert.Empty(errors);
        Assert.Empty(AgentConfigLoader.Validate(path));
        Assert.Equal("never", codex.ApprovalPolicy);
        Assert.Equal("http://127.0.0.1:9/v1", codex.Provider!.BaseUrl);
        Assert.Equal("K", codex.Provider.EnvKey);
        Assert.Equal(0.125m, codex.Rates["gpt-5.1-codex"].CachedInput);
        Assert.Equal(10m, codex.Rates["gpt-5.1-codex"].Output);
    }

    [Fact]
    public void Validate_BadCodexSection_ErrorsNameTheKeys()
    {
        var path = Write("""{"sandbox_mode":"none","provider":{"name":"fake","base_url":"not a url"},"colour":1}""");

        var errors = AgentConfigLoader.Validate(path);

        Assert.Contains(errors, e => e.StartsWith("runtimes.codex.sandbox_mode:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("runtimes.codex.provider.base_url:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("runtimes.codex.colour: unknown key", StringComparison.Ordinal));
    }
}
