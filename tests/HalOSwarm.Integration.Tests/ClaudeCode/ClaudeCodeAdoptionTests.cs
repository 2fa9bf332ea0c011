using System.Diagnostics;
using System.Text.Json;
using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing.FakeLlm;
using HalOSwarm.Testing.Tools;

namespace HalOSwarm.Integration.Tests.ClaudeCode;

/// <summary>
/// A Claude Code session someone ran by hand in the project is listed as adoptable, adopted through halctl, and
/// then continued by the agent (resumed with its history) like any other session.
/// </summary>
public sealed class ClaudeCodeAdoptionTests(ClaudeCodeCluster cc) : IClassFixture<ClaudeCodeCluster>
{
    private HalCluster Cluster => cc.Cluster;

    [Fact]
    public async Task SessionRunByHand_AdoptedThroughHalctl_ThenContinued()
    {
        Directory.CreateDirectory(cc.ProjectDir);
        cc.Llm.Enqueue(FakeReply.Text("Hand-made answer."));
        var external = await RunByHandAsync("a question asked by hand");

        var listed = await Cluster.CtlAsync("sessions", "adoptable", ClaudeCodeCluster.Project);
        Assert.True(listed.ExitCode == 0, listed.ToString());
        Assert.Contains(external, listed.StdOut, StringComparison.Ordinal);

        var adopt = await Cluster.CtlAsync("--format", "json", "sessions", "adopt", ClaudeCodeCluster.Project, external);
        Assert.True(adopt.ExitCode == 0, adopt.ToString());
        var sessionId = JsonDocument.Parse(adopt.StdOut).RootElement.GetProperty("result").Str("session_id");
        var session = await Cluster.GetDataAsync($"api/v1/sessions/{sessionId}");
        Assert.True(session.GetProperty("adopted").GetBoolean());
        Assert.Equal("claude-code", session.Str("runtime"));

        cc.Llm.Enqueue(FakeReply.Text("Continued under supervision."));
        var prompt = await Cluster.CtlAsync("sessions", "prompt", sessionId, "go on");
        Assert.True(prompt.ExitCode == 0, prompt.ToString());
        await cc.WaitForIdleAsync(sessionId, e => e.OfType("message.completed").Any(m => m.Data().Str("text") == "Continued under supervision."),
            "the adopted session's next answer");
        // the resumed conversation carried the hand-made turn to the provider
        Assert.Contains(cc.Llm.Turns, t => t.Messages.Any(m => m.Text.Contains("a question asked by hand", StringComparison.Ordinal))
            && t.Messages.Any(m => m.Text.Contains("go on", StringComparison.Ordinal)));
    }

    private async Task<string> RunByHandAsync(string prompt)
    {
        var info = new ProcessStartInfo(await NpmTool.ClaudeCode.EnsureInstalledAsync())
        {
            WorkingDirectory = cc.ProjectDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-p", prompt, "--output-format", "json" })
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in cc.ClaudeEnvironment)
        {
            info.Environment[key] = value;
        }
        info.Environment["HOME"] = Cluster.OpenCodeHome;
        using var claude = Process.Start(info)!;
        claude.StandardInput.Close();
        var output = await claude.StandardOutput.ReadToEndAsync();
        await claude.WaitForExitAsync();
        Assert.True(claude.ExitCode == 0, output + await claude.StandardError.ReadToEndAsync());
        return JsonDocument.Parse(output).RootElement.Str("session_id");
    }
}
