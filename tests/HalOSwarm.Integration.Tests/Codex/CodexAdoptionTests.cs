using System.Diagnostics;
using System.Text.Json;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing.FakeLlm;

namespace HalOSwarm.Integration.Tests.Codex;

/// <summary>
/// A Codex thread someone ran by hand in the project (with the agent's CODEX_HOME) is listed as adoptable, adopted
/// through halctl, and continued by the agent in an app-server of its own, with its history.
/// </summary>
public sealed class CodexAdoptionTests(CodexClusterFixture fixture) : IClassFixture<CodexClusterFixture>
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(90);

    private CodexCluster Codex => fixture.Cluster;

    [Fact]
    public async Task ThreadRunByHand_AdoptedThroughHalctl_ThenContinued()
    {
        // A session of the agent's own first, so its CODEX_HOME holds the provider and the trusted project.
        var own = await Codex.StartSessionAsync("warm up");
        await Codex.WaitIdleAsync(own, s_wait);
        Codex.Llm.Enqueue(FakeReply.Text("Answer to the hand-run thread."));
        var threadId = await RunByHandAsync("a question typed by hand");

        var listed = await Codex.Cluster.CtlAsync("sessions", "adoptable", CodexCluster.Project);
        Assert.True(listed.ExitCode == 0, listed.ToString());
        Assert.Contains(threadId, listed.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain(own, listed.StdOut, StringComparison.Ordinal);

        var adopt = await Codex.Cluster.CtlAsync("--format", "json", "sessions", "adopt", CodexCluster.Project, threadId);
        Assert.True(adopt.ExitCode == 0, adopt.ToString());
        var sessionId = JsonDocument.Parse(adopt.StdOut).RootElement.GetProperty("result").Str("session_id");
        Assert.True((await Codex.Cluster.GetDataAsync($"api/v1/sessions/{sessionId}")).GetProperty("adopted").GetBoolean());

        Codex.Llm.Enqueue(FakeReply.Text("Continued under supervision."));
        var prompt = await Codex.Cluster.CtlAsync("sessions", "prompt", sessionId, "and then?");
        Assert.True(prompt.ExitCode == 0, prompt.ToString());
        await Codex.Cluster.WaitAsync(async () => (await Codex.Cluster.GetEventsAsync($"session_id={sessionId}&type=message.completed"))
            .Any(e => e.Data().Str("text") == "Continued under supervision."), s_wait, "the adopted thread's next answer");
        var lastTurn = Codex.Llm.Requests.Last().Body.GetRawText();
        Assert.Contains("a question typed by hand", lastTurn, StringComparison.Ordinal);
    }

    private async Task<string> RunByHandAsync(string prompt)
    {
        var info = new ProcessStartInfo(await Testing.Tools.NpmTool.Codex.EnsureInstalledAsync())
        {
            WorkingDirectory = Codex.ProjectDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "exec", "--json", "--skip-git-repo-check", prompt })
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["CODEX_HOME"] = Path.Combine(Codex.Cluster.AgentStateDir, "codex-home");
        info.Environment["FAKE_API_KEY"] = "test-key";
        info.Environment["HOME"] = Codex.Dir.Combine("home");
        using var codex = Process.Start(info)!;
        codex.StandardInput.Close();
        var output = await codex.StandardOutput.ReadToEndAsync();
        await codex.WaitForExitAsync();
        Assert.True(codex.ExitCode == 0, output + await codex.StandardError.ReadToEndAsync());
        var started = output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith('{'))
            .Select(l => JsonDocument.Parse(l).RootElement).First(e => e.Str("type") == "thread.started");
        return started.Str("thread_id");
    }
}
