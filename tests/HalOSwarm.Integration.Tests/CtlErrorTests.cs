using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing;

namespace HalOSwarm.Integration.Tests;

/// <summary>halctl's failures are one clear line and a non-zero exit.</summary>
public sealed class CtlErrorTests
{
    [Fact]
    public async Task Halctl_WrongTokenUnknownSessionAndNoSupervisor_OneLineErrorsNonZeroExit()
    {
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions { WithAgent = false });

        var wrongToken = await cluster.CtlAsync("--token", "nope", "nodes", "list");
        Assert.NotEqual(0, wrongToken.ExitCode);
        Assert.Contains("unauthorized", wrongToken.StdErr, StringComparison.OrdinalIgnoreCase);
        Assert.Single(wrongToken.StdErr.Trim().Split('\n'));
        Assert.DoesNotContain("nope", wrongToken.StdErr, StringComparison.Ordinal);

        var unknown = await cluster.CtlAsync("sessions", "get", "ses_does_not_exist");
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("ses_does_not_exist", unknown.StdErr, StringComparison.Ordinal);
        Assert.Contains("not_found", unknown.StdErr, StringComparison.Ordinal);
        Assert.Single(unknown.StdErr.Trim().Split('\n'));

        var nowhere = await cluster.CtlAsync("--supervisor-url", $"http://127.0.0.1:{FreePort.Next()}", "nodes", "list");
        Assert.NotEqual(0, nowhere.ExitCode);
        Assert.Contains("cannot reach", nowhere.StdErr, StringComparison.OrdinalIgnoreCase);
        Assert.Single(nowhere.StdErr.Trim().Split('\n'));
    }
}
