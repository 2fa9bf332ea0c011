using System.Globalization;
using System.Text.Json;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing;
using HalOSwarm.Testing.FakeLlm;
using HalOSwarm.Testing.Tools;

namespace HalOSwarm.Integration.Tests.ClaudeCode;

/// <summary>
/// One built supervisor + agent pair shared by a test class, with a <c>cc</c> project run by the real
/// Claude Code (from npm) against <see cref="FakeAnthropicServer"/>, in its own config folder. Disposing
/// stops the detached programs the agent started (by the pids in their session folders).
/// </summary>
public sealed class ClaudeCodeCluster : IAsyncLifetime
{
    public const string Project = "cc";
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    private readonly TempDirectory _dir = new("hal-cc");
    private readonly IReadOnlyDictionary<string, string> _sections;

    public ClaudeCodeCluster()
        : this(new Dictionary<string, string>())
    {
    }

    /// <summary>A cluster whose supervisor also has <paramref name="sections"/> (name → JSON text, e.g. <c>charter</c>).</summary>
    internal ClaudeCodeCluster(IReadOnlyDictionary<string, string> sections) => _sections = sections;

    internal HalCluster Cluster { get; private set; } = null!;

    public FakeAnthropicServer Llm { get; private set; } = null!;

    public string ProjectDir => _dir.Combine(Project);

    /// <summary>Claude's own config folder (transcripts under projects/), shared by the agent's claude and a hand-run one.</summary>
    public string ConfigDir => _dir.Combine("claude-config");

    /// <summary>The environment the agent runs claude with (fake provider, own config folder, no outside traffic).</summary>
    public Dictionary<string, string> ClaudeEnvironment => new()
    {
        ["ANTHROPIC_BASE_URL"] = Llm.BaseUrl.ToString().TrimEnd('/'),
        ["ANTHROPIC_API_KEY"] = "k",
        ["DISABLE_TELEMETRY"] = "1",
        ["CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"] = "1",
        ["CLAUDE_CONFIG_DIR"] = ConfigDir,
        // One retry after a 429, so a rate limit ends the turn within the test.
        ["CLAUDE_CODE_MAX_RETRIES"] = "1",
    };

    public string SessionsFolder => Path.Combine(Cluster.AgentStateDir, "runtimes", "claude-code");

    public async Task InitializeAsync()
    {
        var binary = await NpmTool.ClaudeCode.EnsureInstalledAsync();
        Llm = await FakeAnthropicServer.StartAsync();
        Cluster = await HalCluster.StartAsync(new ClusterOptions
        {
            ExtraProjectsJson = [JsonSerializer.Serialize(new { name = Project, directory = ProjectDir, runtime = "claude-code" })],
            AgentRuntimesJson = JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["claude-code"] = new { binary, model = "claude-sonnet-4-5" },
            }),
            AgentEnvironment = ClaudeEnvironment,
            SupervisorSections = new Dictionary<string, string>(_sections) { ["approvals"] = """{"timeout_sec":300,"default_reply":"reject"}""" },
        });
    }

    /// <summary>Starts a session of the cc project with a first prompt through halctl; returns its id.</summary>
    internal async Task<string> StartSessionAsync(string prompt)
    {
        var start = await Cluster.CtlAsync("--format", "json", "sessions", "start", Project, "--prompt", prompt);
        Assert.True(start.ExitCode == 0, start.ToString());
        return JsonDocument.Parse(start.StdOut).RootElement.GetProperty("result").Str("session_id");
    }

    internal Task<JsonElement> WaitForIdleAsync(string sessionId, Func<List<JsonElement>, bool> done, string what) =>
        Cluster.WaitForAsync(async () =>
        {
            var session = await Cluster.GetDataAsync($"api/v1/sessions/{sessionId}");
            return session.Str("status") == "idle" && done(await Cluster.GetEventsAsync($"session_id={sessionId}")) ? session : (JsonElement?)null;
        }, Wait, what);

    /// <summary>The lines claude wrote for the session (the agent's copy of its stdout).</summary>
    public IReadOnlyList<JsonElement> OutputLines(string sessionId) =>
        [.. File.ReadAllLines(Path.Combine(SessionsFolder, sessionId, "stdout"))
            .Where(l => l.StartsWith('{'))
            .Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            StopPrograms();
            await Cluster.DisposeAsync();
        }
        if (Llm is not null)
        {
            await Llm.DisposeAsync();
        }
        _dir.Dispose();
    }

    /// <summary>SIGKILLs the claude processes the agent started (their pids are in the session folders).</summary>
    public void StopPrograms()
    {
        if (!Directory.Exists(SessionsFolder))
        {
            return;
        }
        foreach (var pidFile in Directory.EnumerateFiles(SessionsFolder, "pid", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(pidFile).Split(' ')[0];
            if (int.TryParse(text, CultureInfo.InvariantCulture, out var pid) && File.Exists($"/proc/{pid}/cmdline")
                && File.ReadAllText($"/proc/{pid}/cmdline").Contains("claude", StringComparison.Ordinal))
            {
                try
                {
                    System.Diagnostics.Process.GetProcessById(pid).Kill();
                }
                catch (ArgumentException)
                {
                }
                catch (InvalidOperationException)
                {
                }
            }
        }
    }
}
