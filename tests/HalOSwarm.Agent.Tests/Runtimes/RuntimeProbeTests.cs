using HalOSwarm.Agent.Runtimes;
using HalOSwarm.Testing;
using HalOSwarm.Testing.Processes;

namespace HalOSwarm.Agent.Tests.Runtimes;

/// <summary>A short command the agent runs (a version or login-status probe) never outlives the question.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RuntimeProbeTests : IDisposable
{
    private readonly TempDirectory _dir = new("probe");

    public void Dispose() => _dir.Dispose();

    /// <summary>A stand-in program that records its pid, then hangs.</summary>
    private string Hanging()
    {
        var path = _dir.Combine("hangs");
        File.WriteAllText(path, $"#!/bin/sh\necho $$ > '{_dir.Combine("pid")}'\nexec sleep 60\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private async Task<int> PidAsync()
    {
        var file = _dir.Combine("pid");
        await UntilAsync(() => File.Exists(file) && File.ReadAllText(file).Trim().Length > 0);
        return int.Parse(File.ReadAllText(file).Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Task<bool> GoneAsync(int pid) => UntilAsync(() => !ProcessTools.IsAlive(pid));

    /// <summary>Whether <paramref name="condition"/> holds within 5 s.</summary>
    private static async Task<bool> UntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }
        return condition();
    }

    [Fact]
    public async Task Run_AgentStopsWhileTheCommandRuns_CommandKilledAndCancellationRaised()
    {
        using var stopping = new CancellationTokenSource();
        var run = RuntimeProbe.RunAsync(Hanging(), [], null, TimeSpan.FromSeconds(60), stopping.Token);
        var pid = await PidAsync();

        stopping.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.True(await GoneAsync(pid), $"pid {pid} still runs after the agent stopped asking");
    }

    [Fact]
    public async Task Run_CommandDoesNotAnswerInTime_KilledAndReportedAsTimedOut()
    {
        var run = RuntimeProbe.RunAsync(Hanging(), [], null, TimeSpan.FromSeconds(1), CancellationToken.None);
        var pid = await PidAsync();

        var result = await run;

        Assert.Contains("did not answer within 1 s", result.Error, StringComparison.Ordinal);
        Assert.True(await GoneAsync(pid), $"pid {pid} still runs after its timeout");
    }
}
