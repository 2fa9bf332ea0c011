using System.Globalization;
using System.Text.Json;
using HalOSwarm.Testing;
using HalOSwarm.Testing.Tools;

namespace HalOSwarm.Integration.Tests.Harness;

/// <summary>
/// tmux projects for a cluster: each runs the scripted program with its own arguments in its own folder,
/// writing its record to a log the test reads. Disposing kills the agent's tmux server (started by the
/// agent on its own socket under the state directory) and removes the folders.
/// </summary>
internal sealed class TmuxScenario : IAsyncDisposable
{
    private readonly List<string> _projects = [];

    public TempDirectory Dir { get; } = new("hal-tmux");

    public HalCluster? Cluster { get; private set; }

    /// <summary>The socket of the tmux server the agent starts sessions on.</summary>
    public string Socket => Path.Combine(Cluster!.AgentStateDir, "runtimes", "tmux", "tmux.sock");

    public string ProjectDir(string project) => Dir.Combine("projects", project);

    public string LogOf(string project) => Dir.Combine("logs", project + ".log");

    /// <summary>Adds a tmux project whose sessions run the scripted program with <paramref name="args"/> (plus --log).</summary>
    public TmuxScenario Project(string name, params string[] args)
    {
        Directory.CreateDirectory(Dir.Combine("logs"));
        var command = TmuxTool.ScriptedAgentCommand([.. args, "--log", LogOf(name)]);
        _projects.Add(JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["name"] = name,
            ["directory"] = ProjectDir(name),
            ["runtime"] = "tmux",
            ["command"] = command,
        }));
        return this;
    }

    /// <summary>Writes the project's task file (.context/CURRENT_TASK.md) with <paramref name="boxes"/> unticked checkboxes.</summary>
    public void TaskFile(string project, int boxes)
    {
        Directory.CreateDirectory(Path.Combine(ProjectDir(project), ".context"));
        File.WriteAllText(Path.Combine(ProjectDir(project), ".context", "CURRENT_TASK.md"),
            "# Scripted work\n\n" + string.Concat(Enumerable.Range(1, boxes).Select(i => $"- [ ] step {i}\n")));
    }

    public async Task<HalCluster> StartAsync(double idleAfterSec = 1, double stuckAfterSec = 30)
    {
        var runtimes = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["tmux"] = new Dictionary<string, double> { ["idle_after_sec"] = idleAfterSec, ["stuck_after_sec"] = stuckAfterSec, ["poll_interval_ms"] = 100 },
        });
        // The agent's settings from its environment (here the token) must not reach the programs in tmux.
        Cluster = await HalCluster.StartAsync(new ClusterOptions
        {
            ExtraProjectsJson = _projects,
            AgentRuntimesJson = runtimes,
            AgentEnvironment = new Dictionary<string, string> { ["HAL_AGENT_AUTH_TOKEN"] = HalCluster.Token },
        });
        return Cluster;
    }

    /// <summary>Starts a session of <paramref name="project"/> through halctl; its id.</summary>
    public async Task<string> StartSessionAsync(string project, string prompt)
    {
        var start = await Cluster!.CtlAsync("--format", "json", "sessions", "start", project, "--prompt", prompt);
        Assert.True(start.ExitCode == 0, start.ToString());
        return JsonDocument.Parse(start.StdOut).RootElement.GetProperty("result").Str("session_id");
    }

    /// <summary>The runtime's own view of a session (the <c>status</c> command's result).</summary>
    public async Task<JsonElement> RuntimeStatusAsync(string sessionId)
    {
        using var response = await Cluster!.Api.PostAsync($"api/v1/sessions/{sessionId}/status", null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("result").Clone();
    }

    /// <summary>The program's record: (time, what, rest of the line), oldest first.</summary>
    public List<ProgramLine> ProgramLog(string project) =>
        !File.Exists(LogOf(project))
            ? []
            : [.. File.ReadAllLines(LogOf(project)).Select(line => line.Split(' ', 3))
                .Select(p => new ProgramLine(TmuxTool.FromUnixMs(p[0]), p[1], p.Length > 2 ? p[2] : ""))];

    public Task WaitForLogAsync(string project, string what, string text, TimeSpan timeout) =>
        Cluster!.WaitAsync(() => Task.FromResult(ProgramLog(project).Any(l => l.What == what && l.Text == text)), timeout,
            $"the program of {project} to log '{what} {text}'");

    public static DateTimeOffset Ts(JsonElement evt) => DateTimeOffset.Parse(evt.Str("ts"), CultureInfo.InvariantCulture);

    /// <summary>The session's session.activity events: (state, progress, ts).</summary>
    public static List<(string State, double? Progress, DateTimeOffset At)> Activities(IEnumerable<JsonElement> events) =>
        [.. events.OfType("session.activity").Select(e => (e.Data().Str("state"),
            e.Data().TryGetProperty("progress", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetDouble() : (double?)null, Ts(e)))];

    public async ValueTask DisposeAsync()
    {
        if (Cluster is not null)
        {
            await TmuxTool.KillServerAsync(Socket);
            await Cluster.DisposeAsync();
        }
        Dir.Dispose();
    }
}
