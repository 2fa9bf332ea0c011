using System.Diagnostics;
using System.Globalization;

namespace HalOSwarm.Testing.Tools;

/// <summary>
/// tmux for tests: the scripted interactive program, commands against one server socket, and the end of
/// that server (a test kills every tmux server it caused, never the machine's own).
/// </summary>
public static class TmuxTool
{
    /// <summary>The scripted stand-in for an interactive agent program (see the script's header for its arguments).</summary>
    public static string ScriptedAgent => Path.Combine(RepoPaths.Root, "tests", "HalOSwarm.Testing", "Scripts", "scripted-agent.sh");

    /// <summary>A command line running the scripted program with <paramref name="args"/> (each quoted for the shell).</summary>
    public static string ScriptedAgentCommand(params string[] args) =>
        string.Join(' ', new[] { "bash", ScriptedAgent }.Concat(args).Select(Quote));

    public static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>Runs <c>tmux -S socket args…</c>; its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string socket, params string[] args)
    {
        var info = new ProcessStartInfo("tmux")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-S", socket }.Concat(args))
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    public static async Task<bool> HasSessionAsync(string socket, string name) =>
        (await RunAsync(socket, "has-session", "-t", "=" + name)).ExitCode == 0;

    /// <summary>Ends the tmux server on <paramref name="socket"/> and everything running in it, if there is one.</summary>
    public static async Task KillServerAsync(string socket) =>
        await RunAsync(socket, "kill-server"); // "no server running" when there is none: nothing to do

    /// <summary>Milliseconds since the epoch, as the scripted program writes them.</summary>
    public static DateTimeOffset FromUnixMs(string ms) => DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(ms, CultureInfo.InvariantCulture));
}
