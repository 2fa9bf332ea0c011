using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Testing;

namespace HalOSwarm.Agent.Tests.Configuration;

/// <summary>The seed README's agent config: a bare ws://host:port and no state_dir.</summary>
public sealed class SeedConfigTests : IDisposable
{
    private readonly TempDirectory _dir = new("hal-seed-agent");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Validate_SeedReadmeConfig_ValidWithTheEndpointAndStateDirItUses()
    {
        var path = _dir.Combine("agent.config.json");
        await File.WriteAllTextAsync(path, $$"""
            {
              "supervisor_url": "ws://supervisor-host:8420",
              "auth_token": "your-shared-secret-here",
              "opencode_port": 4096,
              "projects": [{"name": "project-1", "directory": "{{_dir.Path}}"}]
            }
            """);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await AgentCommand.RunAsync(["--config", path, "--validate"], output, error);

        Assert.True(code == 0, error.ToString());
        Assert.Contains("note: supervisor_url: dialled as ws://supervisor-host:8420/ws/agent", output.ToString(), StringComparison.Ordinal);
        Assert.Contains($"note: state_dir: not set; using {AgentStateDirectory.Default().Path}", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ws://h:8420", "ws://h:8420/ws/agent")]
    [InlineData("ws://h:8420/", "ws://h:8420/ws/agent")]
    [InlineData("wss://h:8420", "wss://h:8420/ws/agent")]
    [InlineData("ws://h:8420/ws/agent", "ws://h:8420/ws/agent")]
    [InlineData("wss://proxy.example/hal/agent", "wss://proxy.example/hal/agent")]
    public void AgentEndpointUrl_BareHostAndPort_GetsTheAgentPath_OtherPathsKept(string configured, string dialled)
    {
        Assert.True(AgentEndpointUrl.TryResolve(configured, out var url));
        Assert.Equal(dialled, url.ToString());
    }

    [Theory]
    [InlineData("http://h:8421")]
    [InlineData("h:8420")]
    [InlineData("ws://")]
    public void Validate_NotAWebSocketUrl_SaysWhatToWrite(string configured)
    {
        var errors = AgentOptionsValidator.Collect(new AgentOptions
        {
            SupervisorUrl = configured,
            AuthToken = "t",
            StateDir = _dir.Path,
            Projects = [new ProjectOptions { Name = "p", Directory = _dir.Path }],
        });

        var error = Assert.Single(errors);
        Assert.StartsWith("supervisor_url:", error, StringComparison.Ordinal);
        Assert.Contains("e.g. ws://supervisor:8420", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SupervisorUrls_EachCheckedWithItsIndexAndNotTogetherWithSupervisorUrl()
    {
        var errors = AgentOptionsValidator.Collect(new AgentOptions
        {
            SupervisorUrl = "ws://a:8420",
            SupervisorUrls = ["ws://a:8420", "http://b:8421", ""],
            AuthToken = "t",
            StateDir = _dir.Path,
            Projects = [new ProjectOptions { Name = "p", Directory = _dir.Path }],
        });

        Assert.Equal(3, errors.Count);
        Assert.Contains("supervisor_url: give it or supervisor_urls, not both", errors);
        Assert.Contains(errors, e => e.StartsWith("supervisor_urls[1]: 'http://b:8421' is not a ws:// or wss:// URL", StringComparison.Ordinal));
        Assert.Contains("supervisor_urls[2]: is empty", errors);
    }

    [Fact]
    public void StateDirectory_SystemdStateDirectory_WinsOverRoot()
    {
        var variables = new Dictionary<string, string?> { ["STATE_DIRECTORY"] = "/var/lib/hal-o-swarm/agent:/var/lib/other" };

        Assert.Equal("/var/lib/hal-o-swarm/agent", AgentStateDirectory.Default(v => variables.GetValueOrDefault(v), privileged: false, "/home/u").Path);
    }

    [Fact]
    public void StateDirectory_Root_IsTheServicePath()
    {
        Assert.Equal(AgentStateDirectory.ServicePath, AgentStateDirectory.Default(_ => null, privileged: true, "/root").Path);
    }

    [Fact]
    public void StateDirectory_User_XdgStateHomeElseDotLocalState()
    {
        Assert.Equal("/x/state/hal-o-swarm/agent", AgentStateDirectory.Default(v => v == "XDG_STATE_HOME" ? "/x/state" : null, false, "/home/u").Path);
        Assert.Equal("/home/u/.local/state/hal-o-swarm/agent", AgentStateDirectory.Default(_ => null, false, "/home/u").Path);
        // Terminals of a systemd user session carry INVOCATION_ID: not a service.
        Assert.Equal("/home/u/.local/state/hal-o-swarm/agent",
            AgentStateDirectory.Default(v => v == "INVOCATION_ID" ? "abc" : null, false, "/home/u").Path);
    }
}
