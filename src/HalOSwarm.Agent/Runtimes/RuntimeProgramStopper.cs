using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Runtimes.Detached;
using HalOSwarm.Agent.Runtimes.OpenCode;
using HalOSwarm.Agent.Runtimes.Tmux;
using HalOSwarm.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Agent.Runtimes;

/// <summary>
/// Stops the programs the runtimes started and left running on purpose (they outlive the agent so that a restarted
/// agent reattaches to them): the <c>opencode serve</c> server, each Claude Code and Codex program, and each tmux
/// session the agent started. Sessions it adopted belong to whoever started them and are left alone. It reads only
/// the state directory (pid files with start times, so a pid taken by another process since is never signalled),
/// so <c>hal-agent stop-runtimes</c> works with the agent stopped; with <c>stop_runtimes_on_exit</c> the agent
/// itself calls it as it stops. The sessions' data stays: the next agent starts the programs again as sessions
/// need them.
/// </summary>
internal sealed partial class RuntimeProgramStopper(IOptions<AgentOptions> options, TimeProvider time, ILogger<RuntimeProgramStopper> logger)
{
    private static readonly TimeSpan s_grace = TimeSpan.FromSeconds(5);

    private AgentOptions Options => options.Value;

    /// <summary>Stops every program found; returns one line for each (what it was and its pid).</summary>
    public async Task<IReadOnlyList<string>> StopAllAsync(CancellationToken cancellationToken)
    {
        var stopped = new List<string>();
        var openCodePid = OpenCodeProcessManager.PidPathIn(Options.StateDir);
        if (DetachedProcess.FromPidFile(openCodePid, Options.StateDir, time) is { IsAlive: true } server)
        {
            await StopAsync(server, $"opencode server (pid {server.Pid})", stopped, cancellationToken);
        }
        foreach (var runtime in new[] { RuntimeNames.ClaudeCode, RuntimeNames.Codex })
        {
            foreach (var folder in SessionFolders(runtime))
            {
                if (DetachedProcess.Attach(folder, time) is { IsAlive: true } program)
                {
                    await StopAsync(program, $"{runtime} program of {Path.GetFileName(folder)} (pid {program.Pid})", stopped, cancellationToken);
                }
            }
        }
        foreach (var folder in SessionFolders(RuntimeNames.Tmux))
        {
            if (TmuxSessionState.Load(folder) is { Adopted: false } state)
            {
                var client = new TmuxClient(Options.Runtimes.Tmux.Binary, state.Socket);
                if (await client.KillAsync(state.Name, cancellationToken))
                {
                    Record($"tmux session {state.Name}", stopped);
                }
            }
        }
        return stopped;
    }

    private IEnumerable<string> SessionFolders(string runtime)
    {
        var root = Path.Combine(Options.StateDir, "runtimes", runtime);
        return Directory.Exists(root) ? Directory.EnumerateDirectories(root) : [];
    }

    private async Task StopAsync(DetachedProcess process, string what, List<string> stopped, CancellationToken cancellationToken)
    {
        await process.StopAsync(s_grace, cancellationToken);
        Record(what, stopped);
    }

    private void Record(string what, List<string> stopped)
    {
        stopped.Add(what);
        Log.Stopped(logger, what);
    }
}
