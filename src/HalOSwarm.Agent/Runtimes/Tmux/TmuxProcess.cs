using System.ComponentModel;
using System.Diagnostics;
using HalOSwarm.Agent.Configuration;

namespace HalOSwarm.Agent.Runtimes.Tmux;

/// <summary>
/// Runs one tmux client command. The first command on a socket starts the server, which keeps the
/// client's environment for every program it runs: so the agent's own settings (<c>HAL_AGENT_*</c>, its
/// token among them) are left out, and so is <c>TMUX</c> (an agent itself running inside tmux).
/// </summary>
internal static class TmuxProcess
{
    public static async Task<ProbeResult> RunAsync(string binary, IReadOnlyList<string> args, TimeSpan timeout, CancellationToken cancellationToken)
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
        foreach (var key in start.Environment.Keys.Where(IsLeftOut).ToList())
        {
            start.Environment.Remove(key);
        }
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("did not start");
        }
        catch (Win32Exception)
        {
            return new ProbeResult(-1, "", $"binary '{binary}' not found (runtimes.tmux.binary)");
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
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: false); // not the server it may have forked
                return new ProbeResult(-1, "", $"'tmux {args.ElementAtOrDefault(2)}' did not answer within {timeout.TotalSeconds:0} s");
            }
            return new ProbeResult(process.ExitCode, (await stdout) + (await stderr), null);
        }
    }

    private static bool IsLeftOut(string key) =>
        key.StartsWith(AgentConfigLoader.EnvironmentPrefix, StringComparison.Ordinal) || key is "TMUX" or "TMUX_PANE";
}
