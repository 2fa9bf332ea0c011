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
        // Not the whole tree on a timeout: the first command may have forked the server.
        var result = await RuntimeProbe.RunAsync(binary, args, null, timeout, cancellationToken, IsLeftOut, killTree: false, "runtimes.tmux.binary");
        return result.Error is { } error && error.Contains("did not answer", StringComparison.Ordinal)
            ? result with { Error = $"'tmux {args.ElementAtOrDefault(2)}' did not answer within {timeout.TotalSeconds:0} s" }
            : result;
    }

    private static bool IsLeftOut(string key) =>
        key.StartsWith(AgentConfigLoader.EnvironmentPrefix, StringComparison.Ordinal) || key is "TMUX" or "TMUX_PANE";
}
