using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing;
using HalOSwarm.Testing.Processes;

namespace HalOSwarm.Integration.Tests;

/// <summary>
/// The opencode server an agent starts outlives the agent on purpose (the next agent reattaches to it);
/// <c>hal-agent stop-runtimes</c> and <c>stop_runtimes_on_exit</c> are how an operator stops it.
/// </summary>
public sealed class StopRuntimesTests
{
    [Fact]
    public async Task StopRuntimes_AfterTheAgentStopped_StopsTheOpenCodeServerItLeftRunning()
    {
        await using var cluster = await HalCluster.StartAsync();
        var server = await WaitForOpenCodeAsync(cluster);
        Assert.Equal(0, await cluster.Agent!.StopAsync());
        Assert.True(ProcessTools.IsAlive(server), "the opencode server outlives a stopped agent by design");

        await using var stop = TestProcess.StartDotnet("hal-agent stop-runtimes", RepoPaths.Agent, ["stop-runtimes", "--config", cluster.AgentConfig]);
        Assert.Equal(0, await stop.WaitForExitAsync(TimeSpan.FromSeconds(60)));

        Assert.Contains($"stopped opencode server (pid {server})", stop.Output, StringComparison.Ordinal);
        Assert.False(ProcessTools.IsAlive(server), "stop-runtimes left the opencode server running:\n" + stop.Output);

        await using var again = TestProcess.StartDotnet("hal-agent stop-runtimes", RepoPaths.Agent, ["stop-runtimes", "--config", cluster.AgentConfig]);
        Assert.Equal(0, await again.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("nothing was running", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopRuntimesOnExit_StoppingTheAgent_StopsTheOpenCodeServerToo()
    {
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions
        {
            AgentEnvironment = new Dictionary<string, string> { ["HAL_AGENT_STOP_RUNTIMES_ON_EXIT"] = "true" },
        });
        var server = await WaitForOpenCodeAsync(cluster);

        Assert.Equal(0, await cluster.Agent!.StopAsync(TimeSpan.FromSeconds(30)));

        Assert.False(ProcessTools.IsAlive(server), "the agent left the opencode server running:\n" + cluster.Agent.Output);
        Assert.Contains("Stopped opencode server", cluster.Agent.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopRuntimes_WithABadConfig_ListsTheProblemsAndStopsNothing()
    {
        using var dir = new TempDirectory("hal-stop");
        var config = dir.Combine("agent.config.json");
        await File.WriteAllTextAsync(config, """{ "supervisor_url": "http://nowhere", "projects": [] }""");

        await using var stop = TestProcess.StartDotnet("hal-agent stop-runtimes", RepoPaths.Agent, ["stop-runtimes", "--config", config]);

        Assert.Equal(2, await stop.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("config error", stop.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("stopped", stop.Output, StringComparison.Ordinal);
    }

    private static async Task<int> WaitForOpenCodeAsync(HalCluster cluster)
    {
        var pidFile = Path.Combine(cluster.AgentStateDir, "opencode.pid");
        await HalCluster.WaitUntilAsync(() => Task.FromResult(File.Exists(pidFile) && ProcessTools.IsAlive(cluster.OpenCodePid())),
            TimeSpan.FromSeconds(60), "the agent started opencode", cluster.Diagnostics);
        return cluster.OpenCodePid();
    }
}
