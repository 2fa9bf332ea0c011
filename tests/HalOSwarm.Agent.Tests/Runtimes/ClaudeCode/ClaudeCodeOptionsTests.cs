using HalOSwarm.Agent.Configuration;
using HalOSwarm.Testing;

namespace HalOSwarm.Agent.Tests.Runtimes.ClaudeCode;

/// <summary>The <c>runtimes.claude-code</c> section: its own keys accepted, bad values named with their key.</summary>
public sealed class ClaudeCodeOptionsTests : IDisposable
{
    private readonly TempDirectory _dir = new("hal-cc-config");

    public void Dispose() => _dir.Dispose();

    private List<string> Validate(string runtime) =>
        AgentConfigLoader.Validate(WriteConfig(runtime));

    private string WriteConfig(string runtime)
    {
        var path = _dir.Combine("agent.config.json");
        File.WriteAllText(path, $$$"""
            {"supervisor_url":"ws://127.0.0.1:8420/ws/agent","auth_token":"t","state_dir":"state",
             "projects":[{"name":"cc","directory":"{{{_dir.Path}}}","runtime":"claude-code","model":"claude-sonnet-4-5"}],
             "runtimes":{"claude-code":{{{runtime}}}}}
            """);
        return path;
    }

    [Fact]
    public void Validate_OwnKeys_Accepted()
    {
        Assert.Empty(Validate("""{"binary":"claude","approvals":false,"permission_port":8431,"stop_grace_sec":2,"env":{"MCP_TOOL_TIMEOUT":"600000"}}"""));
    }

    [Fact]
    public void Validate_BadValues_EachWithItsKey()
    {
        var errors = Validate("""{"binary":"","permission_port":70000,"stop_grace_sec":-1,"colour":1}""");

        Assert.Contains(errors, e => e.StartsWith("runtimes.claude-code.binary:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("runtimes.claude-code.permission_port:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("runtimes.claude-code.stop_grace_sec:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("runtimes.claude-code.colour", StringComparison.Ordinal) && e.Contains("unknown key", StringComparison.Ordinal));
    }
}
