using HalOSwarm.Agent.Configuration;
using HalOSwarm.Testing;

namespace HalOSwarm.Agent.Tests.Configuration;

public sealed class ConfigValidationTests : IDisposable
{
    private readonly TempDirectory _dir = new("hal-config");

    public void Dispose() => _dir.Dispose();

    private string Write(string json)
    {
        var path = _dir.Combine("agent.config.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void Validate_GoodConfig_HasNoErrors()
    {
        var path = Write($$"""
            {"supervisor_url":"ws://127.0.0.1:8420/ws/agent","auth_token":"t","state_dir":"state",
             "projects":[{"name":"a","directory":"{{_dir.Path}}"}]}
            """);

        Assert.Empty(AgentConfigLoader.Validate(path));
    }

    [Fact]
    public void Validate_ListsEveryProblemWithItsKey()
    {
        var path = Write($$"""
            {"supervisor_url":"http://x/ws/agent","state_dir":"s","opencode_port":0,"colour":"red",
             "projects":[{"name":"a","directory":"{{_dir.Path}}"},{"name":"a","directory":"/does/not/exist","extra":1}]}
            """);

        var errors = AgentConfigLoader.Validate(path);

        Assert.Contains(errors, e => e.StartsWith("supervisor_url:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("auth_token:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("opencode_port:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("colour: unknown key", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("projects[1].extra: unknown key", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("projects[1].name: duplicate", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("projects[1].directory:", StringComparison.Ordinal) && e.Contains("does not exist", StringComparison.Ordinal));
        Assert.Equal(7, errors.Count);
    }

    [Fact]
    public void Validate_InvalidJson_IsReported()
    {
        var errors = AgentConfigLoader.Validate(Write("{\"auth_token\": "));

        Assert.Contains(errors, e => e.Contains("not valid JSON", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_EnvironmentOverridesFile()
    {
        var path = Write($$"""
            {"supervisor_url":"ws://127.0.0.1:8420/ws/agent","state_dir":"state","projects":[{"name":"a","directory":"{{_dir.Path}}"}]}
            """);
        Environment.SetEnvironmentVariable("HAL_AGENT_AUTH_TOKEN", "from-env");
        try
        {
            Assert.Empty(AgentConfigLoader.Validate(path));
        }
        finally
        {
            Environment.SetEnvironmentVariable("HAL_AGENT_AUTH_TOKEN", null);
        }
    }

    [Fact]
    public void NodeIdentity_IsStableAcrossLoads()
    {
        var first = NodeIdentity.LoadOrCreate(_dir.Combine("state"));
        var second = NodeIdentity.LoadOrCreate(_dir.Combine("state"));

        Assert.Equal(first, second);
        Assert.NotEqual(Environment.MachineName, first);
        Assert.Equal(first, File.ReadAllText(_dir.Combine("state", "node-id")).Trim());
    }
}
