using System.Diagnostics;
using HalOSwarm.Agent.Environments;
using HalOSwarm.Agent.Runtimes;
using HalOSwarm.Protocol.Environments;
using HalOSwarm.Testing;

namespace HalOSwarm.Agent.Tests.Environments;

public sealed class EnvItemProbeTests : IDisposable
{
    private readonly TempDirectory _dir = new("hal-env");
    private readonly Dictionary<string, string> _env = new(StringComparer.Ordinal) { ["PATH"] = Environment.GetEnvironmentVariable("PATH")!, ["SET_ONE"] = "secret-value" };

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Tool_InstalledAndNewEnough_IsReadyWithItsVersion()
    {
        var result = await CheckAsync(new EnvItem("tool:git", EnvItemKinds.Tool, "git", Version: ">=2"));

        Assert.Equal(EnvVerdicts.Ready, result.Verdict);
        Assert.Matches(@"^2\.\d+", result.Actual);
    }

    [Fact]
    public async Task Tool_TooOld_IsDegradedAndProposesItsInstall()
    {
        var result = await CheckAsync(new EnvItem("tool:git", EnvItemKinds.Tool, "git", Version: ">=99", Install: "apt-get install -y git"));

        Assert.Equal(EnvVerdicts.Degraded, result.Verdict);
        Assert.Equal(EnvFixes.Approval, result.Fix);
        Assert.Contains("does not satisfy >=99", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tool_Absent_IsMissingUnlessOptional()
    {
        var required = await CheckAsync(new EnvItem("tool:x", EnvItemKinds.Tool, "hal-no-such-tool"));
        var optional = await CheckAsync(new EnvItem("tool:x", EnvItemKinds.Tool, "hal-no-such-tool", Required: false));

        Assert.Equal((EnvVerdicts.Missing, "not installed"), (required.Verdict, required.Actual));
        Assert.Equal(EnvVerdicts.Degraded, optional.Verdict);
        Assert.Null(required.Fix);
    }

    [Fact]
    public async Task Variable_ReportsOnlyWhetherItIsSet()
    {
        var set = await CheckAsync(new EnvItem("env:SET_ONE", EnvItemKinds.Env, "SET_ONE"));
        var unset = await CheckAsync(new EnvItem("env:UNSET_ONE", EnvItemKinds.Env, "UNSET_ONE"));

        Assert.Equal((EnvVerdicts.Ready, "set"), (set.Verdict, set.Actual));
        Assert.Equal((EnvVerdicts.Missing, "unset"), (unset.Verdict, unset.Actual));
        Assert.DoesNotContain("secret-value", set.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task File_AbsentChangedOrAsTemplate()
    {
        var item = new EnvItem("file:AGENT.md", EnvItemKinds.File, "AGENT.md", Content: "# demo\n");
        var absent = await CheckAsync(item);
        File.WriteAllText(_dir.Combine("AGENT.md"), "# edited by hand\n");
        var changed = await CheckAsync(item);
        File.WriteAllText(_dir.Combine("AGENT.md"), "# demo\r\n");
        var same = await CheckAsync(item);

        Assert.Equal((EnvVerdicts.Missing, EnvFixes.Safe), (absent.Verdict, absent.Fix));
        Assert.Equal((EnvVerdicts.Degraded, "# edited by hand\n"), (changed.Verdict, changed.ActualContent));
        Assert.Equal(EnvVerdicts.Ready, same.Verdict);
    }

    [Fact]
    public async Task Path_OutsideTheProject_IsRefused()
    {
        var ex = await Assert.ThrowsAsync<RuntimeCommandException>(() => CheckAsync(new EnvItem("file:x", EnvItemKinds.File, "../outside.md")));

        Assert.Contains("leads outside the project directory", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Git_RemoteBranchAndHook_AreReadFromTheRepository()
    {
        Git("init", "-q", "-b", "main");
        Git("remote", "add", "origin", "https://example.com/demo.git");
        var remote = await CheckAsync(new EnvItem("git:remote:origin", EnvItemKinds.GitRemote, "origin", Expected: "https://example.com/other.git"));
        var branch = await CheckAsync(new EnvItem("git:branch", EnvItemKinds.GitBranch, "HEAD", Expected: "main"));
        var hook = await CheckAsync(new EnvItem("hook:pre-commit", EnvItemKinds.Hook, "pre-commit", Content: "#!/bin/sh\nexit 0\n"));
        var context = await CheckAsync(new EnvItem("dir:.context", EnvItemKinds.Dir, ".context"));

        Assert.Equal((EnvVerdicts.Degraded, "https://example.com/demo.git"), (remote.Verdict, remote.Actual));
        Assert.Equal(EnvVerdicts.Ready, branch.Verdict);
        Assert.Equal((EnvVerdicts.Missing, EnvFixes.Safe), (hook.Verdict, hook.Fix));
        Assert.Equal((EnvVerdicts.Missing, EnvFixes.Safe), (context.Verdict, context.Fix));
    }

    private Task<EnvItemResult> CheckAsync(EnvItem item) => EnvItemProbe.CheckAsync(item, _dir.Path, _env, CancellationToken.None);

    private void Git(params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = _dir.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
