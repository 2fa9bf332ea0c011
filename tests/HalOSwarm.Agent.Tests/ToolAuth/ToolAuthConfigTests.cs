using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.ToolAuth;
using HalOSwarm.Testing;

namespace HalOSwarm.Agent.Tests.ToolAuth;

public sealed class ToolAuthConfigTests
{
    [Fact]
    public void Keys_AreTheBoundNames()
    {
        Assert.Equal(ConfigKeyNames.Of<ToolAuthOptions>().Order(), ToolAuthOptions.Keys.Order());
    }

    [Fact]
    public void Validate_BadValuesAndUnknownKey_EachWithItsKey()
    {
        using var dir = new TempDirectory("hal-auth-config");
        var path = dir.Combine("agent.config.json");
        File.WriteAllText(path, """
            {"supervisor_url":"ws://127.0.0.1:9/ws/agent","auth_token":"t","state_dir":"s",
             "tool_auth":{"interval_sec":-1,"login_timeout_sec":5,"codex_issuer":"ftp://x","colour":"red"}}
            """);

        var errors = AgentConfigLoader.Validate(path);

        Assert.Contains("tool_auth.colour: unknown key", errors);
        Assert.Contains("tool_auth.interval_sec: must be 0 (off) or more", errors);
        Assert.Contains("tool_auth.login_timeout_sec: must be 30-3600", errors);
        Assert.Contains("tool_auth.codex_issuer: 'ftp://x' is not an http(s) URL", errors);
    }
}
