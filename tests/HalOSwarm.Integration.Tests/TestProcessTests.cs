using System.Globalization;
using HalOSwarm.Testing.Processes;

namespace HalOSwarm.Integration.Tests;

/// <summary>The harness's own promise: a test that ends leaves no process it started, nor any that one started.</summary>
public sealed class TestProcessTests
{
    [Fact]
    public async Task Disposed_KillsTheProcessAndWhatItStarted()
    {
        var process = TestProcess.Start("parent", "bash", ["-c", "sleep 600 >/dev/null 2>&1 & echo child $!; wait"]);
        int child;
        try
        {
            var line = await process.WaitForOutputAsync("child ", TimeSpan.FromSeconds(30));
            child = int.Parse(line["child ".Length..], CultureInfo.InvariantCulture);
        }
        finally
        {
            await process.DisposeAsync();
        }

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (IsRunning(child) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        Assert.False(IsRunning(child), $"the child {child} the disposed process started is still running");
    }

    /// <summary>Alive and not a zombie waiting to be reaped.</summary>
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }
}
