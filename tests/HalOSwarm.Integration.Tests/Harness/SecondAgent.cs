using System.Text.Json;
using HalOSwarm.Testing;
using HalOSwarm.Testing.OpenCode;
using HalOSwarm.Testing.Processes;

namespace HalOSwarm.Integration.Tests.Harness;

/// <summary>
/// A second node for a <see cref="HalCluster"/>: the built hal-agent with a state folder, an opencode server (against the
/// cluster's fake LLM) and one opencode project of its own, connected to the cluster's supervisor.
/// </summary>
internal sealed class SecondAgent : IAsyncDisposable
{
    private readonly HalCluster _cluster;

    private SecondAgent(HalCluster cluster, string project)
    {
        _cluster = cluster;
        Project = project;
        OpenCodePort = FreePort.Next();
        Directory.CreateDirectory(ProjectDir);
        Directory.CreateDirectory(StateDir);
        Directory.CreateDirectory(OpenCodeHome);
    }

    public string Project { get; }

    public int OpenCodePort { get; }

    public TestProcess? Agent { get; private set; }

    public string ProjectDir => _cluster.Dir.Combine("second", "projects", Project);

    public string StateDir => _cluster.Dir.Combine("second", "agent-state");

    public string OpenCodeHome => _cluster.Dir.Combine("second", "opencode-home");

    public string Config => _cluster.Dir.Combine("second", "agent.config.json");

    /// <summary>The node id the agent persisted in its state folder.</summary>
    public string NodeId => File.ReadAllText(Path.Combine(StateDir, "node-id")).Trim();

    /// <summary>Starts the agent and waits until its node is online.</summary>
    public static async Task<SecondAgent> StartAsync(HalCluster cluster, string project)
    {
        var second = new SecondAgent(cluster, project);
        try
        {
            await File.WriteAllTextAsync(second.Config, JsonSerializer.Serialize(new
            {
                supervisor_url = $"ws://127.0.0.1:{cluster.AgentPort}/ws/agent",
                auth_token = HalCluster.Token,
                opencode_port = second.OpenCodePort,
                opencode_binary = OpenCodeTool.BinaryPath,
                state_dir = second.StateDir,
                projects = new[] { new { name = project, directory = second.ProjectDir } },
            }));
            second.Agent = TestProcess.StartDotnet("hal-agent-2", RepoPaths.Agent, ["--config", second.Config],
                OpenCodeTool.ProcessEnvironment(cluster.Llm.V1Url, second.OpenCodeHome), second.ProjectDir);
            await cluster.WaitAsync(async () =>
                File.Exists(Path.Combine(second.StateDir, "node-id"))
                && (await cluster.GetDataAsync($"api/v1/nodes/{second.NodeId}")).Str("status") == "online",
                TimeSpan.FromSeconds(60), "the second node online");
            return second;
        }
        catch
        {
            await second.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Agent is not null)
        {
            await Agent.DisposeAsync();
        }
        await OpenCodeTool.StopAllAsync(OpenCodeHome, OpenCodePort);
    }
}
