using System.Globalization;
using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.Runtimes.Tmux;

/// <summary>
/// Runs the tmux command line against one server socket (<c>tmux -S SOCKET ...</c>). Every call is a short
/// client process; the server (and the programs in it) outlive the agent.
/// </summary>
internal sealed class TmuxClient(string binary, string socket)
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(15);

    public string Socket => socket;

    /// <summary>Runs <c>tmux -S SOCKET args…</c>; the output, or a runtime_error with what tmux said.</summary>
    public async Task<string> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var result = await TryRunAsync(args, cancellationToken);
        if (result.Error is { } error)
        {
            throw new RuntimeCommandException(CommandErrorCodes.RuntimeUnavailable, error);
        }
        if (result.ExitCode != 0)
        {
            throw new RuntimeCommandException(CommandErrorCodes.RuntimeError,
                $"tmux {args[0]} failed (exit {result.ExitCode}): {result.Output.Trim()}");
        }
        return result.Output;
    }

    public Task<ProbeResult> TryRunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken) =>
        TmuxProcess.RunAsync(binary, ["-S", socket, .. args], s_timeout, cancellationToken);

    public async Task<bool> HasSessionAsync(string name, CancellationToken cancellationToken) =>
        (await TryRunAsync(["has-session", "-t", Exact(name)], cancellationToken)) is { Error: null, ExitCode: 0 };

    /// <summary>
    /// Starts <paramref name="command"/> in a new detached session and, in the same server round, keeps the
    /// pane after the program exits and pipes everything it writes into <paramref name="outputFile"/> (so
    /// not a byte is missed between start and pipe).
    /// </summary>
    public Task StartAsync(string name, string directory, string command, IReadOnlyDictionary<string, string> env, string outputFile,
        CancellationToken cancellationToken)
    {
        List<string> args = ["new-session", "-d", "-s", name, "-c", directory, "-x", "200", "-y", "50"];
        foreach (var (key, value) in env)
        {
            args.AddRange(["-e", $"{key}={value}"]);
        }
        args.AddRange([command, ";", "set-option", "-w", "-t", Pane(name), "remain-on-exit", "on", ";", .. PipeArgs(name, outputFile)]);
        return RunAsync(args, cancellationToken);
    }

    /// <summary>Pipes the pane's output into <paramref name="outputFile"/> unless it is piped already.</summary>
    public Task PipeAsync(string name, string outputFile, CancellationToken cancellationToken) =>
        RunAsync(PipeArgs(name, outputFile), cancellationToken);

    private static string[] PipeArgs(string name, string outputFile) =>
        ["pipe-pane", "-o", "-t", Pane(name), "cat >> " + ShellQuote(outputFile)];

    /// <summary>The pane's state, or null when the session is gone.</summary>
    public async Task<PaneInfo?> PaneAsync(string name, CancellationToken cancellationToken)
    {
        var result = await TryRunAsync(["display-message", "-p", "-t", Pane(name),
            "#{pane_pid}\t#{pane_dead}\t#{pane_dead_status}\t#{pane_pipe}\t#{pane_current_path}\t#{session_created}"], cancellationToken);
        if (result is not { Error: null, ExitCode: 0 })
        {
            return null;
        }
        var parts = result.Output.TrimEnd('\n').Split('\t');
        if (parts.Length < 6 || parts[0].Length == 0)
        {
            return null;
        }
        return new PaneInfo(
            int.TryParse(parts[0], CultureInfo.InvariantCulture, out var pid) ? pid : null,
            parts[1] == "1",
            int.TryParse(parts[2], CultureInfo.InvariantCulture, out var status) ? status : null,
            parts[3] == "1",
            parts[4].Length > 0 ? parts[4] : null,
            long.TryParse(parts[5], CultureInfo.InvariantCulture, out var created) ? created : 0);
    }

    /// <summary>The visible screen, one string per line (trailing blanks trimmed by tmux).</summary>
    public async Task<string> CaptureAsync(string name, bool withHistory, CancellationToken cancellationToken) =>
        await RunAsync(withHistory ? ["capture-pane", "-p", "-J", "-S", "-", "-t", Pane(name)] : ["capture-pane", "-p", "-J", "-t", Pane(name)], cancellationToken);

    /// <summary>Types <paramref name="text"/> literally, then presses Enter.</summary>
    public async Task TypeLineAsync(string name, string text, CancellationToken cancellationToken)
    {
        await RunAsync(["send-keys", "-t", Pane(name), "-l", "--", text], cancellationToken);
        await RunAsync(["send-keys", "-t", Pane(name), "Enter"], cancellationToken);
    }

    public Task SendKeyAsync(string name, string key, CancellationToken cancellationToken) =>
        RunAsync(["send-keys", "-t", Pane(name), key], cancellationToken);

    /// <summary>Ends the session; true when it existed.</summary>
    public async Task<bool> KillAsync(string name, CancellationToken cancellationToken) =>
        (await TryRunAsync(["kill-session", "-t", Exact(name)], cancellationToken)) is { Error: null, ExitCode: 0 };

    /// <summary>The server's sessions: name, creation time, last activity, working directory of the active pane.</summary>
    public async Task<IReadOnlyList<(string Name, long Created, long Activity, string? Path)>> ListAsync(CancellationToken cancellationToken)
    {
        var result = await TryRunAsync(["list-sessions", "-F", "#{session_name}\t#{session_created}\t#{session_activity}\t#{pane_current_path}"],
            cancellationToken);
        if (result is not { Error: null, ExitCode: 0 })
        {
            return []; // no server on the socket: no sessions
        }
        return [.. result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t')).Where(p => p.Length >= 4)
            .Select(p => (p[0], Long(p[1]), Long(p[2]), p[3].Length > 0 ? p[3] : (string?)null))];
    }

    private static long Long(string text) => long.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : 0;

    /// <summary>An exact session target (tmux would otherwise take a name as a prefix).</summary>
    private static string Exact(string name) => "=" + name;

    /// <summary>The active pane of exactly that session.</summary>
    private static string Pane(string name) => "=" + name + ":";

    public static string ShellQuote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}

/// <summary>A pane as tmux reports it.</summary>
internal sealed record PaneInfo(int? Pid, bool Dead, int? DeadStatus, bool Piped, string? CurrentPath, long CreatedUnix);
