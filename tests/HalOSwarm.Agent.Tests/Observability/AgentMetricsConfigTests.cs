using HalOSwarm.Agent.Configuration;
using HalOSwarm.Testing;

namespace HalOSwarm.Agent.Tests.Observability;

public sealed class AgentMetricsConfigTests : IDisposable
{
    private readonly TempDirectory _dir = new("hal-metrics-config");

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(0)]
    [InlineData(9464)]
    public void Validate_MetricsPortOffOrAPort_IsAccepted(int port)
    {
        Assert.Empty(AgentConfigLoader.Validate(Write(port)));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(65536)]
    public void Validate_MetricsPortOutOfRange_ErrorNamesTheKey(int port)
    {
        var errors = AgentConfigLoader.Validate(Write(port));

        Assert.Equal([$"metrics_port: must be 0 (off) or 1-65535 (was {port})"], errors);
    }

    private string Write(int port)
    {
        var path = _dir.Combine("agent.config.json");
        File.WriteAllText(path, $$"""
            {"supervisor_url":"ws://127.0.0.1:8420/ws/agent","auth_token":"t","state_dir":"state","metrics_port":{{port}},
             "projects":[{"name":"a","directory":"{{_dir.Path}}"}]}
            """);
        return path;
    }
}
