using System.ComponentModel;
using System.Diagnostics;
using System.Text.RegularExpressions;
using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.Runtimes;

/// <summary>
/// Finds out whether a runtime's program can run here: runs it with a version flag (a few seconds at
/// most) and reads the first version number it prints. A missing binary, a program that fails or hangs,
/// or one older than the adapter needs gives an unavailable <see cref="RuntimeInfo"/> with the reason.
/// </summary>
internal static partial class RuntimeProbe
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public static async Task<RuntimeInfo> VersionAsync(string runtime, string binary, IReadOnlyList<string> versionArgs,
        Version? minimum, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        var result = await RunAsync(binary, versionArgs, environment, Timeout, cancellationToken);
        if (result.Error is { } error)
        {
            return new RuntimeInfo(runtime, false, null, error);
        }
        if (result.ExitCode != 0)
        {
            return new RuntimeInfo(runtime, false, null, $"'{binary} {string.Join(' ', versionArgs)}' exited with code {result.ExitCode}: {Shorten(result.Output)}");
        }
        var match = VersionPattern().Match(result.Output);
        if (!match.Success)
        {
            return new RuntimeInfo(runtime, true, null, null);
        }
        var version = match.Value;
        if (minimum is not null && Version.TryParse(version, out var found) && found < minimum)
        {
            return new RuntimeInfo(runtime, false, version, $"version {version} is too old (at least {minimum} is needed)");
        }
        return new RuntimeInfo(runtime, true, version, null);
    }

    /// <summary>
    /// Runs a short command; <see cref="ProbeResult.Error"/> is set when it could not start or did not finish in time.
    /// <paramref name="leaveOut"/> names inherited variables the program must not see; <paramref name="killTree"/> false
    /// spares what a timed-out command forked (a server it started); <paramref name="binaryKey"/> is the config key
    /// named when the binary is missing.
    /// </summary>
    public static async Task<ProbeResult> RunAsync(string binary, IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment,
        TimeSpan timeout, CancellationToken cancellationToken, Func<string, bool>? leaveOut = null, bool killTree = true, string? binaryKey = null)
    {
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var key in leaveOut is null ? [] : start.Environment.Keys.Where(leaveOut).ToList())
        {
            start.Environment.Remove(key);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("did not start");
        }
        catch (Win32Exception)
        {
            return new ProbeResult(-1, "", $"binary '{binary}' not found" + (binaryKey is null ? "" : $" ({binaryKey})"));
        }
        using (process)
        {
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                // Timed out, or the agent is stopping: either way the command does not outlive the question.
                try
                {
                    process.Kill(entireProcessTree: killTree);
                }
                catch (InvalidOperationException)
                {
                    // it ended meanwhile
                }
                cancellationToken.ThrowIfCancellationRequested();
                return new ProbeResult(-1, "", $"'{binary} {string.Join(' ', args)}' did not answer within {timeout.TotalSeconds:0} s");
            }
            return new ProbeResult(process.ExitCode, (await stdout) + (await stderr), null);
        }
    }

    private static string Shorten(string text)
    {
        var line = text.Trim().Split('\n')[0].Trim();
        return line.Length > 200 ? line[..200] + "…" : line;
    }

    [GeneratedRegex(@"\d+\.\d+(\.\d+)?")]
    private static partial Regex VersionPattern();
}

/// <summary>What a short command printed (stdout then stderr) and its exit code, or why it did not run.</summary>
internal sealed record ProbeResult(int ExitCode, string Output, string? Error);
