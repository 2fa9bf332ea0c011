using HalOSwarm.Ctl.Tests.Support;
using HalOSwarm.Testing;

namespace HalOSwarm.Ctl.Tests.Commands;

/// <summary><c>--ca-file</c> / <c>HALCTL_CA_FILE</c>: a file that cannot be used is one clear error before any request.</summary>
public sealed class CaFileTests : IDisposable
{
    private readonly TempDirectory _dir = new("halctl-ca");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task CaFile_Missing_SaysWhichFileAndExitsOne()
    {
        var missing = _dir.Combine("missing.pem");

        var run = await CliRun.RunAsync(["nodes", "list", "--supervisor-url", "https://127.0.0.1:1", "--ca-file", missing]);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"halctl: error: --ca-file: cannot read '{missing}'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaFileVariable_NotPem_SaysSoAndExitsOne()
    {
        var garbage = _dir.Combine("garbage.pem");
        await File.WriteAllTextAsync(garbage, "not a certificate");

        var run = await CliRun.RunAsync(["nodes", "list", "--supervisor-url", "https://127.0.0.1:1"], variables: new Dictionary<string, string> { ["HALCTL_CA_FILE"] = garbage });

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"halctl: error: --ca-file: '{garbage}' holds no PEM certificate", run.Error, StringComparison.Ordinal);
    }
}
