using HalOSwarm.Agent.Configuration;
using HalOSwarm.Testing;
using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Agent.Tests.Configuration;

/// <summary>The per-runtime sections, per-project runtime options, and configs written for the opencode-only agent.</summary>
public sealed class RuntimeConfigTests : IDisposable
{
    private readonly TempDirectory _dir = new("hal-runtime-config");

    public void Dispose() => _dir.Dispose();

    private string Write(string json)
    {
        var path = _dir.Combine("agent.config.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static AgentOptions Bind(string path)
    {
        var builder = new ConfigurationBuilder();
        Assert.Empty(AgentConfigLoader.AddAgentConfig(builder, path));
        var configuration = builder.Build();
        return AgentConfigLoader.Bind(configuration, []).ApplyLegacyKeys();
    }

    [Fact]
    public void LegacyOpenCodeKeys_StillWork_AndLandInTheRuntimeSection()
    {
        var path = Write($$"""
            {"supervisor_url":"ws://h:8420/ws/agent","auth_token":"t","state_dir":"s","opencode_port":5123,"opencode_binary":"/opt/oc",
             "opencode_password":"pw","projects":[{"name":"a","directory":"{{_dir.Path}}"}]}
            """);

        Assert.Empty(AgentConfigLoader.Validate(path));
        var options = Bind(path);
        Assert.Equal(5123, options.Runtimes.OpenCode.Port);
        Assert.Equal("/opt/oc", options.Runtimes.OpenCode.Binary);
        Assert.Equal("pw", options.Runtimes.OpenCode.Password);
        Assert.Equal(["opencode"], options.RuntimesInUse);
    }

    [Fact]
    public void RuntimeSections_AndProjectOverrides_AreBound()
    {
        var path = Write($$"""
            {"supervisor_url":"ws://h:8420/ws/agent","auth_token":"t","state_dir":"s",
             "runtimes":{"claude-code":{"binary":"/opt/claude","model":"sonnet","args":["--x"],"env":{"A":"1"},"max_sessions":4},"tmux":{} },
             "projects":[{"name":"a","directory":"{{_dir.Path}}","runtime":"claude-code","model":"opus","args":["--y"],"env":{"A":"2","B":"3"},"worktree":true}]}
            """);

        Assert.Empty(AgentConfigLoader.Validate(path));
        var options = Bind(path);
        var project = Assert.Single(options.Projects);
        var runtime = options.Runtimes.ClaudeCode;
        Assert.Equal("/opt/claude", runtime.Binary);
        Assert.Equal(4, runtime.MaxSessions);
        Assert.Equal("opus", project.ModelFor(null, runtime));
        Assert.Equal("haiku", project.ModelFor("haiku", runtime));
        Assert.Equal(["--x", "--y"], project.ArgsFor(runtime));
        Assert.Equal("2", project.EnvFor(runtime)["A"]);
        Assert.True(project.Worktree);
        // a configured section makes a runtime part of the node even when no project uses it by default
        Assert.Equal(["claude-code", "tmux"], options.RuntimesInUse.Order());
    }

    [Fact]
    public void BadRuntimeConfig_EveryProblemWithItsKey()
    {
        var path = Write($$"""
            {"supervisor_url":"ws://h:8420/ws/agent","auth_token":"t","state_dir":"s","opencode_port":5000,
             "runtimes":{"claude-code":{"binary":"","max_sessions":-1,"colour":"x"},"gemini":{},"opencode":{"port":70000},
               "codex":{"provider":{"name":"p","base_url":"http://x/v1","flavour":1},"rates":{"m":{"input":1,"outptu":2} } } },
             "projects":[{"name":"a","directory":"{{_dir.Path}}","runtime":"cobol"},{"name":"b","directory":"{{_dir.Path}}","command":"bash"}]}
            """);

        var errors = AgentConfigLoader.Validate(path);

        Assert.Contains("runtimes.claude-code.colour: unknown key", errors);
        Assert.Contains("runtimes.codex.provider.flavour: unknown key", errors);
        Assert.Contains("runtimes.codex.rates.m.outptu: unknown key", errors);
        Assert.Contains(errors, e => e.StartsWith("runtimes.gemini: unknown runtime", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("opencode_port: also set as runtimes.opencode.port", StringComparison.Ordinal));
        Assert.Contains("runtimes.claude-code.binary: must not be empty", errors);
        Assert.Contains("runtimes.claude-code.max_sessions: must be 0 (no limit) or more", errors);
        Assert.Contains(errors, e => e.StartsWith("projects[0].runtime: 'cobol' is not supported", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("projects[1].command: only the tmux runtime", StringComparison.Ordinal));
    }
}
