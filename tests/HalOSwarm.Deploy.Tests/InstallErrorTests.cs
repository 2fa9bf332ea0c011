using HalOSwarm.Testing;

namespace HalOSwarm.Deploy.Tests;

/// <summary>install.sh refuses what it cannot do, says why, and installs nothing.</summary>
public sealed class InstallErrorTests
{
    private static readonly string s_install = Path.Combine(RepoPaths.Root, "deploy", "install.sh");

    [Fact]
    public async Task Install_WithoutBinaries_SaysHowToBuildThemAndInstallsNothing()
    {
        using var root = new TempDirectory("hal-root");
        using var empty = new TempDirectory("hal-empty");

        var result = await Run.BashAsync(s_install, ["--from", empty.Path, "--destdir", root.Path], TimeSpan.FromMinutes(1));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("missing binaries", result.Output, StringComparison.Ordinal);
        Assert.Contains("./dev publish", result.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(root.Path));
    }

    [Fact]
    public async Task Install_WithAnUnknownOption_ExitsWithUsageAndInstallsNothing()
    {
        using var root = new TempDirectory("hal-root");

        var result = await Run.BashAsync(s_install, ["--destdir", root.Path, "--everything"], TimeSpan.FromMinutes(1));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown option '--everything'", result.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(root.Path));
    }
}
