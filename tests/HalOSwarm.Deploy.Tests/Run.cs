using HalOSwarm.Testing.Processes;

namespace HalOSwarm.Deploy.Tests;

/// <summary>A finished program: its exit code and everything it printed.</summary>
internal sealed record RunResult(int ExitCode, string Output);

internal static class Run
{
    /// <summary>Runs a program to its end (killed after <paramref name="timeout"/>).</summary>
    public static async Task<RunResult> ProgramAsync(string file, IEnumerable<string> args, TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? env = null, string? workingDirectory = null)
    {
        await using var process = TestProcess.Start(Path.GetFileName(file), file, args, env, workingDirectory);
        var code = await process.WaitForExitAsync(timeout);
        return new RunResult(code, process.Output);
    }

    public static Task<RunResult> BashAsync(string script, IEnumerable<string> args, TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? env = null) =>
        ProgramAsync("/bin/bash", [script, .. args], timeout, env);
}
