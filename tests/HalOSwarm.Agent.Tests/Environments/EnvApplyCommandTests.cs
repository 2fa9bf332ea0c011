using System.Diagnostics;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Environments;
using HalOSwarm.Agent.Runtimes;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Environments;
using HalOSwarm.Testing;

namespace HalOSwarm.Agent.Tests.Environments;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class EnvApplyCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new("hal-apply");
    private readonly ProjectOptions _project;
    private readonly Dictionary<string, string> _env = new(StringComparer.Ordinal) { ["PATH"] = Environment.GetEnvironmentVariable("PATH")!, ["PROJECT_FLAVOUR"] = "mint" };

    public EnvApplyCommandTests()
    {
        _project = new ProjectOptions { Name = "demo", Directory = _dir.Combine("project") };
        Directory.CreateDirectory(_project.Directory);
    }

    public void Dispose() => _dir.Dispose();

    private string InProject(string relative) => Path.Combine(_project.Directory, relative);

    private Task<EnvApplyReport> ApplyAsync(bool dryRun, params EnvItem[] items) => ApplyAsync(TimeSpan.FromSeconds(30), dryRun, items);

    private Task<EnvApplyReport> ApplyAsync(TimeSpan installTimeout, bool dryRun, params EnvItem[] items) =>
        EnvApplyCommand.ApplyAsync(new EnvApplyArgs(items, dryRun), _project, _env, installTimeout, CancellationToken.None);

    [Fact]
    public async Task File_WithContent_WrittenWithParentsAndNoTemporaryLeft()
    {
        var report = await ApplyAsync(false,
            new EnvItem("dir:.context", EnvItemKinds.Dir, ".context"),
            new EnvItem("file:.context/progress.md", EnvItemKinds.File, ".context/progress.md", Content: "# progress\n"),
            new EnvItem("file:docs/deep/README.md", EnvItemKinds.File, "docs/deep/README.md", Content: "deep\n"));

        Assert.All(report.Items, r => Assert.Equal(EnvApplyOutcomes.Applied, r.Outcome));
        Assert.Equal("# progress\n", await File.ReadAllTextAsync(InProject(".context/progress.md")));
        Assert.Equal("deep\n", await File.ReadAllTextAsync(InProject("docs/deep/README.md")));
        Assert.Equal(["progress.md"], Directory.GetFiles(InProject(".context")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task File_EditedByHand_ReplacedWholeAndKeepsItsMode()
    {
        var path = InProject("AGENT.md");
        await File.WriteAllTextAsync(path, "edited by hand, much longer than the template's text\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var report = await ApplyAsync(false, new EnvItem("file:AGENT.md", EnvItemKinds.File, "AGENT.md", Content: "# demo\n"));

        Assert.Equal(EnvApplyOutcomes.Applied, report.Items[0].Outcome);
        Assert.Equal("# demo\n", await File.ReadAllTextAsync(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task Hook_InAGitRepository_WrittenExecutable()
    {
        await GitAsync("init", "-q");

        var report = await ApplyAsync(false, new EnvItem("hook:pre-commit", EnvItemKinds.Hook, "pre-commit", Content: "#!/bin/sh\nexit 0\n"));

        var hook = InProject(".git/hooks/pre-commit");
        Assert.Equal(EnvApplyOutcomes.Applied, report.Items[0].Outcome);
        Assert.Equal("#!/bin/sh\nexit 0\n", await File.ReadAllTextAsync(hook));
        Assert.True(File.GetUnixFileMode(hook).HasFlag(UnixFileMode.UserExecute));
    }

    [Fact]
    public async Task Hook_OutsideAGitRepository_SkippedAndNothingCreated()
    {
        var report = await ApplyAsync(false, new EnvItem("hook:pre-commit", EnvItemKinds.Hook, "pre-commit", Content: "#!/bin/sh\n"));

        Assert.Equal(EnvApplyOutcomes.Skipped, report.Items[0].Outcome);
        Assert.False(Directory.Exists(InProject(".git")));
    }

    [Theory]
    [InlineData("../outside.md")]
    [InlineData("/etc/hal-outside.md")]
    [InlineData("docs/../../outside.md")]
    public async Task Path_OutsideTheProject_RefusesTheWholeCommandBeforeWriting(string path)
    {
        var error = await Assert.ThrowsAsync<RuntimeCommandException>(() => ApplyAsync(false,
            new EnvItem("file:AGENT.md", EnvItemKinds.File, "AGENT.md", Content: "# demo\n"),
            new EnvItem("file:" + path, EnvItemKinds.File, path, Content: "x")));

        Assert.Equal(CommandErrorCodes.InvalidArgs, error.ErrorCode);
        Assert.False(File.Exists(InProject("AGENT.md")));
        Assert.False(File.Exists(_dir.Combine("outside.md")));
    }

    [Fact]
    public async Task Path_ThroughALinkLeadingOutside_Refused()
    {
        var outside = _dir.Combine("elsewhere");
        Directory.CreateDirectory(outside);
        Directory.CreateSymbolicLink(InProject("docs"), outside);

        var error = await Assert.ThrowsAsync<RuntimeCommandException>(() => ApplyAsync(false,
            new EnvItem("file:docs/README.md", EnvItemKinds.File, "docs/README.md", Content: "x")));

        Assert.Equal(CommandErrorCodes.InvalidArgs, error.ErrorCode);
        Assert.Empty(Directory.GetFiles(outside));
    }

    [Fact]
    public async Task Install_RunsInTheProjectDirectoryWithTheSessionsEnvironment()
    {
        var report = await ApplyAsync(false, new EnvItem("tool:fake", EnvItemKinds.Tool, "fake",
            Install: "echo \"$PROJECT_FLAVOUR\" > installed.txt && echo done installing"));

        Assert.Equal(EnvApplyOutcomes.Applied, report.Items[0].Outcome);
        Assert.Equal("mint\n", await File.ReadAllTextAsync(InProject("installed.txt")));
        Assert.Contains("done installing", report.Items[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Install_Failing_FailedWithExitCodeAndOnlyTheOutputTail()
    {
        var report = await ApplyAsync(false, new EnvItem("tool:fake", EnvItemKinds.Tool, "fake",
            Install: "i=0; while [ $i -lt 2000 ]; do echo line-$i; i=$((i+1)); done; echo last-words >&2; exit 3"));

        var result = report.Items[0];
        Assert.Equal(EnvApplyOutcomes.Failed, result.Outcome);
        Assert.StartsWith("exit code 3", result.Detail, StringComparison.Ordinal);
        Assert.Contains("last-words", result.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("line-0\n", result.Detail, StringComparison.Ordinal);
        Assert.True(result.Detail!.Length <= InstallRunner.TailChars + 32, $"detail of {result.Detail.Length} characters");
    }

    [Fact]
    public async Task Install_PastItsTimeout_KilledAndFailed()
    {
        var watch = Stopwatch.StartNew();
        var report = await ApplyAsync(TimeSpan.FromSeconds(1), false, new EnvItem("tool:slow", EnvItemKinds.Tool, "slow",
            Install: "echo started; sleep 60; echo never > never.txt"));

        Assert.Equal(EnvApplyOutcomes.Failed, report.Items[0].Outcome);
        Assert.Contains("did not finish within 1 s", report.Items[0].Detail, StringComparison.Ordinal);
        Assert.Contains("started", report.Items[0].Detail, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30));
        Assert.False(File.Exists(InProject("never.txt")));
    }

    [Fact]
    public async Task DryRun_SaysWhatWouldBeDoneAndTouchesNothing()
    {
        var report = await ApplyAsync(true,
            new EnvItem("dir:.context", EnvItemKinds.Dir, ".context"),
            new EnvItem("file:AGENT.md", EnvItemKinds.File, "AGENT.md", Content: "# demo\n"),
            new EnvItem("tool:fake", EnvItemKinds.Tool, "fake", Install: "touch installed.txt"));

        Assert.True(report.DryRun);
        Assert.All(report.Items, r => Assert.Equal(EnvApplyOutcomes.WouldApply, r.Outcome));
        Assert.Equal("run: touch installed.txt", report.Items[2].Detail);
        Assert.Empty(Directory.GetFileSystemEntries(_project.Directory));
    }

    [Fact]
    public async Task ItemsWithoutAFix_SkippedWithTheReason()
    {
        var report = await ApplyAsync(false,
            new EnvItem("env:API_KEY", EnvItemKinds.Env, "API_KEY"),
            new EnvItem("file:NOTES.md", EnvItemKinds.File, "NOTES.md"),
            new EnvItem("tool:git", EnvItemKinds.Tool, "git"),
            new EnvItem("git:branch", EnvItemKinds.GitBranch, "HEAD", Expected: "main"));

        Assert.All(report.Items, r => Assert.Equal(EnvApplyOutcomes.Skipped, r.Outcome));
        Assert.All(report.Items, r => Assert.False(string.IsNullOrEmpty(r.Detail)));
        Assert.Empty(Directory.GetFileSystemEntries(_project.Directory));
    }

    [Fact]
    public async Task Install_PutsAToolOnTheSessionsPath_TheNextCheckFindsIt()
    {
        var bin = _dir.Combine("session-bin");
        Directory.CreateDirectory(bin);
        _env["PATH"] = bin + ":" + _env["PATH"];
        var tool = new EnvItem("tool:haltool", EnvItemKinds.Tool, "haltool", Version: ">=1.4",
            Install: $"printf '#!/bin/sh\\necho haltool 1.4.2\\n' > '{bin}/haltool' && chmod 755 '{bin}/haltool'");
        var before = await EnvItemProbe.CheckAsync(tool, _project.Directory, _env, CancellationToken.None);

        await ApplyAsync(false, tool);

        var after = await EnvItemProbe.CheckAsync(tool, _project.Directory, _env, CancellationToken.None);
        Assert.Equal((EnvVerdicts.Missing, EnvVerdicts.Ready, "1.4.2"), (before.Verdict, after.Verdict, after.Actual));
    }

    private async Task GitAsync(params string[] args)
    {
        var run = await RuntimeProbe.RunAsync("git", ["-C", _project.Directory, .. args], null, TimeSpan.FromSeconds(15), CancellationToken.None);
        Assert.True(run.Error is null && run.ExitCode == 0, run.Error ?? run.Output);
    }
}
