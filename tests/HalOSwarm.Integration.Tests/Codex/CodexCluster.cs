using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing;
using HalOSwarm.Testing.FakeLlm;
using HalOSwarm.Testing.Tools;

namespace HalOSwarm.Integration.Tests.Codex;

/// <summary>
/// A cluster whose project <see cref="Project"/> runs on the real Codex from npm, pointed at the fake
/// Responses server through a custom provider, with a rates table to check costs against. Every
/// app-server the agent started is killed on dispose (they run detached and outlive the agent).
/// </summary>
internal sealed class CodexCluster : IAsyncDisposable
{
    public const string Project = "cx";
    public const decimal InputRate = 2.5m;
    public const decimal CachedRate = 0.25m;
    public const decimal OutputRate = 10m;

    private CodexCluster(HalCluster cluster, FakeResponsesServer llm, TempDirectory dir)
    {
        Cluster = cluster;
        Llm = llm;
        Dir = dir;
    }

    public HalCluster Cluster { get; }

    public FakeResponsesServer Llm { get; }

    public TempDirectory Dir { get; }

    public string ProjectDir => Dir.Combine("project");

    /// <summary>
    /// Starts the cluster; <paramref name="apiKey"/> is the FAKE_API_KEY the runtime's env gives codex,
    /// <paramref name="options"/> may change the cluster's options (the runtimes and projects are set here), and
    /// <paramref name="supervisorSections"/> adds supervisor config sections (name → JSON text).
    /// </summary>
    public static async Task<CodexCluster> StartAsync(string apiKey = "test-key", Func<ClusterOptions, ClusterOptions>? options = null,
        IReadOnlyDictionary<string, string>? supervisorSections = null)
    {
        var binary = await NpmTool.Codex.EnsureInstalledAsync();
        var llm = await FakeResponsesServer.StartAsync();
        var dir = new TempDirectory("hal-codex");
        Directory.CreateDirectory(dir.Combine("home"));
        var runtimes = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["codex"] = new Dictionary<string, object>
            {
                ["binary"] = binary,
                ["model"] = "fake-model",
                ["approval_policy"] = "on-request",
                ["sandbox_mode"] = "workspace-write",
                ["provider"] = new { name = "fake", base_url = llm.V1Url, env_key = "FAKE_API_KEY", wire_api = "responses" },
                ["rates"] = new Dictionary<string, object> { ["fake-model"] = new { input = InputRate, cached_input = CachedRate, output = OutputRate } },
                ["env"] = new Dictionary<string, string> { ["FAKE_API_KEY"] = apiKey, ["HOME"] = dir.Combine("home") },
            },
        });
        var project = JsonSerializer.Serialize(new { name = Project, directory = dir.Combine("project"), runtime = "codex" });
        try
        {
            var clusterOptions = new ClusterOptions
            {
                ExtraProjectsJson = [project],
                AgentRuntimesJson = runtimes,
                SupervisorSections = supervisorSections ?? new Dictionary<string, string>(),
            };
            var cluster = await HalCluster.StartAsync(options?.Invoke(clusterOptions) ?? clusterOptions);
            return new CodexCluster(cluster, llm, dir);
        }
        catch
        {
            await llm.DisposeAsync();
            dir.Dispose();
            throw;
        }
    }

    /// <summary>Starts a session of <see cref="Project"/> through halctl; returns its id.</summary>
    public async Task<string> StartSessionAsync(string prompt)
    {
        var start = await Cluster.CtlAsync("--format", "json", "sessions", "start", Project, "--prompt", prompt);
        Assert.True(start.ExitCode == 0, start.ToString());
        return JsonDocument.Parse(start.StdOut).RootElement.GetProperty("result").Str("session_id");
    }

    public Task<JsonElement> WaitIdleAsync(string sessionId, TimeSpan timeout) =>
        Cluster.WaitForSessionAsync(sessionId, s => s.Str("status") == "idle", timeout, "session idle");

    /// <summary>Waits for at least <paramref name="count"/> events of <paramref name="type"/> in the session; returns them all.</summary>
    public async Task<List<JsonElement>> WaitEventsAsync(string sessionId, string type, int count, TimeSpan timeout)
    {
        List<JsonElement> events = [];
        await Cluster.WaitAsync(async () => (events = await Cluster.GetEventsAsync($"session_id={sessionId}&type={type}")).Count >= count,
            timeout, $"{count} × {type} in {sessionId}");
        return events;
    }

    /// <summary>The pids of the app-servers the agent started (their pid files in its state directory).</summary>
    public IReadOnlyList<int> AppServerPids()
    {
        var root = Path.Combine(Cluster.AgentStateDir, "runtimes", "codex");
        return !Directory.Exists(root)
            ? []
            : [.. Directory.EnumerateFiles(root, "pid", SearchOption.AllDirectories)
                .Select(f => int.Parse(File.ReadAllText(f).Split(' ')[0], CultureInfo.InvariantCulture))];
    }

    public static bool IsRunning(int pid) =>
        File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Split(") ")[1].StartsWith('Z');

    public async ValueTask DisposeAsync()
    {
        var pids = AppServerPids();
        await Cluster.DisposeAsync();
        foreach (var pid in pids)
        {
            // Each app-server leads its own process group (setsid): the group takes its children too.
            using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-9", "--", $"-{pid}" }, UseShellExecute = false, RedirectStandardError = true })!;
            await kill.WaitForExitAsync();
        }
        await Llm.DisposeAsync();
        Dir.Dispose();
    }
}
