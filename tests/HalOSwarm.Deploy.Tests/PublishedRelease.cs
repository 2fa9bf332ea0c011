using HalOSwarm.Testing;

namespace HalOSwarm.Deploy.Tests;

/// <summary>
/// One <c>./dev publish --out DIR linux-x64</c> for the tests of a class: the self-contained single-file binaries,
/// install.sh, uninstall.sh, the units and example configs, as a user gets them.
/// </summary>
public sealed class PublishedRelease : IAsyncLifetime
{
    private readonly TempDirectory _dir = new("hal-dist");

    public string Folder => _dir.Combine("linux-x64");

    public string Output { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var result = await Run.BashAsync(Path.Combine(RepoPaths.Root, "dev"), ["publish", "--out", _dir.Path, "linux-x64"], TimeSpan.FromMinutes(20));
        Output = result.Output;
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"./dev publish failed ({result.ExitCode}):\n{result.Output}");
        }
    }

    public Task DisposeAsync()
    {
        _dir.Dispose();
        return Task.CompletedTask;
    }
}
