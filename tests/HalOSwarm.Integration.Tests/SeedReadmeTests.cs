using System.Diagnostics;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing;
using HalOSwarm.Testing.FakeLlm;
using HalOSwarm.Testing.OpenCode;
using HalOSwarm.Testing.Processes;

namespace HalOSwarm.Integration.Tests;

/// <summary>
/// The seed README's two example configs (Fixtures/Seed, copied verbatim), with only their ports, the supervisor's host
/// and the project's path substituted, run by the built supervisor, agent and halctl as a new user would. Also the
/// commands of docs/OPERATIONS.md "Validate a configuration" and "A node is offline".
/// </summary>
public sealed class SeedReadmeTests : IDisposable
{
    private const string SeedToken = "your-shared-secret-here";

    private readonly TempDirectory _dir = new("hal-seed");
    private readonly int _agentPort = FreePort.Next();
    private readonly int _httpPort = FreePort.Next();
    private readonly int _openCodePort = FreePort.Next();
    private readonly List<TestProcess> _processes = [];
    private FakeOpenAiServer? _llm;

    private string ProjectDir => _dir.Combine("project-1");

    private string StateHome => _dir.Combine("state");

    private string SupervisorConfig => _dir.Combine("supervisor.config.json");

    private string AgentConfig => _dir.Combine("agent.config.json");

    // xUnit v2 calls Dispose on a test class, never IAsyncDisposable.DisposeAsync: the processes must be stopped here.
    public void Dispose()
    {
        foreach (var process in Enumerable.Reverse(_processes))
        {
            process.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        OpenCodeTool.StopAllAsync(_dir.Combine("home"), _openCodePort).GetAwaiter().GetResult();
        _llm?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _dir.Dispose();
    }

    /// <summary>Writes the seed's configs with ports and paths substituted; <paramref name="agentUrlPort"/> is the port the agent dials.</summary>
    private void WriteConfigs(int agentUrlPort)
    {
        Directory.CreateDirectory(ProjectDir);
        var fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Seed");
        var supervisor = File.ReadAllText(Path.Combine(fixtures, "supervisor.config.json"));
        File.WriteAllText(SupervisorConfig, supervisor
            .Replace("\"port\": 8420", $"\"port\": {_agentPort}", StringComparison.Ordinal)
            .Replace("\"http_port\": 8421", $"\"http_port\": {_httpPort}", StringComparison.Ordinal));
        var agent = File.ReadAllText(Path.Combine(fixtures, "agent.config.json"));
        File.WriteAllText(AgentConfig, agent
            .Replace("ws://supervisor-host:8420", $"ws://127.0.0.1:{agentUrlPort}", StringComparison.Ordinal)
            .Replace("\"opencode_port\": 4096", $"\"opencode_port\": {_openCodePort}", StringComparison.Ordinal)
            .Replace("/home/user/project-1", ProjectDir, StringComparison.Ordinal));
        Assert.Contains("\"channels\"", File.ReadAllText(SupervisorConfig), StringComparison.Ordinal);
        Assert.DoesNotContain("8420", File.ReadAllText(AgentConfig), StringComparison.Ordinal);
    }

    private async Task StartSupervisorAsync()
    {
        var supervisor = TestProcess.StartDotnet("hal-supervisor", RepoPaths.Supervisor, ["--config", SupervisorConfig], workingDirectory: _dir.Path);
        _processes.Add(supervisor);
        await HalCluster.WaitUntilAsync(async () => (await CtlAsync("nodes", "list")).ExitCode == 0, TimeSpan.FromSeconds(60), "supervisor up",
            () => supervisor.Output);
    }

    private async Task<TestProcess> StartAgentAsync()
    {
        _llm = await FakeOpenAiServer.StartAsync();
        var openCode = await OpenCodeTool.EnsureInstalledAsync();
        // The environment only: opencode on PATH (the seed config names no binary), the default state folder in the test's
        // directory (the seed config names no state_dir), opencode pointed at the fake LLM.
        var env = OpenCodeTool.ProcessEnvironment(_llm.V1Url, _dir.Combine("home"));
        env["XDG_STATE_HOME"] = StateHome;
        if (Environment.IsPrivilegedProcess)
        {
            // As root the default is the service's folder: give it one as systemd's StateDirectory= would.
            env["STATE_DIRECTORY"] = Path.Combine(StateHome, "hal-o-swarm", "agent");
        }
        env["PATH"] = Path.GetDirectoryName(openCode) + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        var agent = TestProcess.StartDotnet("hal-agent", RepoPaths.Agent, ["--config", AgentConfig], env, ProjectDir);
        _processes.Add(agent);
        return agent;
    }

    /// <summary>The real halctl with the seed's spellings: <c>--supervisor-url … --auth-token …</c>.</summary>
    private async Task<CtlResult> CtlAsync(params string[] args) => await RunAsync(RepoPaths.Ctl,
        ["--supervisor-url", $"http://127.0.0.1:{_httpPort}", "--auth-token", SeedToken, .. args]);

    private static async Task<CtlResult> RunAsync(string dll, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(TestProcess.DotnetHost) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(cts.Token);
        return new CtlResult(process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task SeedReadmeConfigs_AsWritten_ValidateRunAndBringANodeOnline()
    {
        WriteConfigs(_agentPort);

        // docs/OPERATIONS.md "Validate a configuration".
        var supervisorValid = await RunAsync(RepoPaths.Supervisor, ["--config", SupervisorConfig, "--validate"]);
        Assert.True(supervisorValid.ExitCode == 0, supervisorValid.StdErr);
        Assert.Contains("note: channels.discord.bot_token: holds a placeholder, not a bot token; Discord is not configured", supervisorValid.StdOut, StringComparison.Ordinal);
        Assert.Contains("note: cost.providers.anthropic.admin_api_key: holds a placeholder", supervisorValid.StdOut, StringComparison.Ordinal);
        Assert.Contains("idle_threshold_seconds: read as policies.resume_on_idle.idle_seconds", supervisorValid.StdOut, StringComparison.Ordinal);
        var agentValid = await RunAsync(RepoPaths.Agent, ["--config", AgentConfig, "--validate"]);
        Assert.True(agentValid.ExitCode == 0, agentValid.StdErr);
        Assert.Contains($"dialled as ws://127.0.0.1:{_agentPort}/ws/agent", agentValid.StdOut, StringComparison.Ordinal);

        await StartSupervisorAsync();
        // Start-up says the same in its log, once, for whoever never ran --validate.
        await _processes[0].WaitForOutputAsync("config: channels.discord.bot_token: holds a placeholder", TimeSpan.FromSeconds(30));
        var agent = await StartAgentAsync();
        CtlResult nodes = default!;
        await HalCluster.WaitUntilAsync(async () => (nodes = await CtlAsync("nodes", "list")).StdOut.Contains("online", StringComparison.Ordinal),
            TimeSpan.FromSeconds(90), "the seed's agent online in halctl nodes list", () => agent.Output);

        Assert.Equal(0, nodes.ExitCode);
        var nodeId = File.ReadAllText(Path.Combine(StateHome, "hal-o-swarm", "agent", "node-id")).Trim();
        Assert.Contains(nodeId[..8], nodes.StdOut, StringComparison.Ordinal);
        Assert.Contains("project-1", (await CtlAsync("nodes", "get", nodeId)).StdOut, StringComparison.Ordinal);
        // The README's "Check environment": the seed config has no manifest, so the project is hosted but not checked.
        var env = await CtlAsync("env", "status", "project-1");
        Assert.True(env.ExitCode == 0, env.StdErr);
        Assert.Contains($"project-1 on {nodeId}: not checked", env.StdOut, StringComparison.Ordinal);
        var sessions = await CtlAsync("sessions", "list", "--node-id", nodeId);
        Assert.True(sessions.ExitCode == 0, sessions.StdErr);
        Assert.DoesNotContain("Refused", agent.Output, StringComparison.Ordinal);

        // The runbook's own spelling of the URL is the agents' address: halctl says which one it needs.
        var seedUrl = await RunAsync(RepoPaths.Ctl, ["--supervisor-url", $"ws://localhost:{_agentPort}", "--auth-token", SeedToken, "nodes", "list"]);
        Assert.Equal(1, seedUrl.ExitCode);
        Assert.Contains("halctl talks to the HTTP API on server.http_port", seedUrl.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeedAgentConfig_DiallingTheHttpPort_SaysOnceWhatToFixAndNoNodeAppears()
    {
        // The mistake docs/OPERATIONS.md "A node is offline" starts from: supervisor_url names server.http_port.
        WriteConfigs(_httpPort);
        await StartSupervisorAsync();

        var agent = await StartAgentAsync();

        var refused = await agent.WaitForOutputAsync("Refused by", TimeSpan.FromSeconds(90));
        Assert.Contains("has no agent endpoint", refused, StringComparison.Ordinal);
        Assert.Contains("server.port", refused, StringComparison.Ordinal);
        Assert.DoesNotContain(SeedToken, agent.Output, StringComparison.Ordinal);
        var nodes = await CtlAsync("--format", "json", "nodes", "list");
        Assert.Equal(0, nodes.ExitCode);
        // The supervisor itself is up (docs/OPERATIONS.md: curl http://supervisor-host:8421/healthz).
        using var http = new HttpClient();
        Assert.True((await http.GetAsync(new Uri($"http://127.0.0.1:{_httpPort}/healthz"))).IsSuccessStatusCode);
        Assert.Equal(0, System.Text.Json.JsonDocument.Parse(nodes.StdOut).RootElement.GetArrayLength());
    }
}
