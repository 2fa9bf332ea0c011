using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace HalOSwarm.Agent.Runtimes.Detached;

/// <summary>
/// A program run so that it outlives the agent, for runtimes that talk over stdin/stdout (Claude Code,
/// Codex): it runs in its own session (setsid), its stdin is a FIFO in <see cref="Folder"/> that the
/// program itself holds open read-write (so it never sees end of input when the agent goes away), and its
/// stdout and stderr are appended to files there. The agent writes lines into the FIFO and tails the
/// stdout file from a byte offset it keeps durably; a restarted agent calls <see cref="Attach"/> and
/// goes on reading where it stopped, so a reply that continued while the agent was down is read whole.
/// Its waits and deadlines run on the <see cref="TimeProvider"/> it was given (the system clock by default).
/// </summary>
internal sealed class DetachedProcess
{
    private const string Launcher = """
        dir="$1"; shift
        [ -p "$dir/stdin" ] || mkfifo -m 600 "$dir/stdin" || exit 97
        exec 0<>"$dir/stdin" >>"$dir/stdout" 2>>"$dir/stderr"
        if command -v setsid >/dev/null 2>&1; then exec setsid "$@"; else exec "$@"; fi
        """;

    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(50);

    private readonly Lock _writeGate = new();
    private readonly long _startTicks;
    private readonly TimeProvider _time;

    private DetachedProcess(string folder, int pid, long startTicks, TimeProvider? time)
    {
        Folder = folder;
        Pid = pid;
        _startTicks = startTicks;
        _time = time ?? TimeProvider.System;
    }

    public string Folder { get; }

    public int Pid { get; }

    public string OutputPath => Path.Combine(Folder, "stdout");

    public string ErrorPath => Path.Combine(Folder, "stderr");

    private string InputPath => Path.Combine(Folder, "stdin");

    private static string PidPath(string folder) => Path.Combine(folder, "pid");

    /// <summary>True while the process runs (the pid is checked against its start time, so a reused pid is not mistaken for it).</summary>
    public bool IsAlive => StartTicks(Pid) == _startTicks && !IsZombie(Pid);

    /// <summary>Starts <paramref name="binary"/> with its own stdin FIFO and output files in <paramref name="folder"/> (created).</summary>
    public static DetachedProcess Start(string folder, string binary, IEnumerable<string> args, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null, TimeProvider? time = null)
    {
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, WorkingDirectory = workingDirectory };
        foreach (var arg in new[] { "-c", Launcher, "hal-detached", folder, binary }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"'{binary}' did not start");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"cannot start '{binary}': {ex.Message}", ex);
        }
        var pid = process.Id;
        // Reap it when it ends while this agent runs; after an agent restart init does.
        _ = process.WaitForExitAsync().ContinueWith(_ => process.Dispose(), TaskScheduler.Default);
        var ticks = WritePidFile(PidPath(folder), pid);
        return new DetachedProcess(folder, pid, ticks, time);
    }

    /// <summary>The process started in <paramref name="folder"/> by an earlier agent, or null when its pid file is missing.</summary>
    public static DetachedProcess? Attach(string folder, TimeProvider? time = null) => FromPidFile(PidPath(folder), folder, time);

    /// <summary>
    /// Writes <c>PID START_TICKS</c> to <paramref name="path"/>, so a later reader can tell the process from another
    /// that got its pid after it ended; returns the start ticks.
    /// </summary>
    public static long WritePidFile(string path, int pid)
    {
        var ticks = StartTicks(pid);
        File.WriteAllText(path, string.Create(CultureInfo.InvariantCulture, $"{pid} {ticks}\n"));
        return ticks;
    }

    /// <summary>The process a pid file written by <see cref="WritePidFile"/> names, or null when the file is missing or malformed.</summary>
    public static DetachedProcess? FromPidFile(string path, string folder, TimeProvider? time = null)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        var parts = File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var pid)
            && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var ticks)
            ? new DetachedProcess(folder, pid, ticks, time)
            : null;
    }

    /// <summary>
    /// Waits until the program holds its stdin FIFO (the launcher makes and opens it just after starting): a line
    /// written before that is lost, since a FIFO drops what it holds when its last writer closes and no reader has it.
    /// Fails when the program ends first or does not open it within <paramref name="timeout"/>.
    /// </summary>
    public async Task WaitForInputAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        while (!HoldsInput())
        {
            if (!IsAlive)
            {
                throw new InvalidOperationException($"the program ended at start: {ErrorTail(500)}");
            }
            if (_time.GetElapsedTime(started) > timeout)
            {
                throw new InvalidOperationException($"the program did not open {InputPath} within {timeout.TotalSeconds:0} s");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(10), _time, cancellationToken);
        }
    }

    private bool HoldsInput()
    {
        try
        {
            // The link shows the resolved path; the session folder's own name (unique) is enough to know it.
            var target = new FileInfo($"/proc/{Pid}/fd/0").LinkTarget;
            return target is not null && File.Exists(InputPath)
                && (target == InputPath || target.EndsWith("/" + Path.GetFileName(Folder) + "/stdin", StringComparison.Ordinal));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Writes one line to the program's stdin (after <see cref="WaitForInputAsync"/>, or it may be lost).</summary>
    public void WriteLine(string line)
    {
        if (!IsAlive)
        {
            throw new InvalidOperationException($"process {Pid} is not running");
        }
        var bytes = Encoding.UTF8.GetBytes(line + "\n");
        lock (_writeGate)
        {
            // Read-write: opening a FIFO this way never blocks, even if the reader just went away.
            using var fifo = new FileStream(InputPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, 1);
            fifo.Write(bytes);
            fifo.Flush();
        }
    }

    /// <summary>
    /// The complete lines of stdout from byte <paramref name="offset"/> on, each with the offset just after
    /// it; waits for more while the process runs and ends once it has exited and everything was read.
    /// </summary>
    public async IAsyncEnumerable<(string Line, long NextOffset)> ReadLinesAsync(long offset, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (!File.Exists(OutputPath))
        {
            if (!IsAlive)
            {
                yield break;
            }
            await Task.Delay(s_poll, _time, cancellationToken);
        }
        await using var stream = new FileStream(OutputPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024);
        stream.Seek(offset, SeekOrigin.Begin);
        var pending = new MemoryStream();
        var buffer = new byte[64 * 1024];
        var position = offset;
        var lastLook = false;
        while (true)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                if (lastLook)
                {
                    yield break;
                }
                // Gone: one more read picks up what it wrote just before it ended.
                lastLook = !IsAlive;
                if (!lastLook)
                {
                    await Task.Delay(s_poll, _time, cancellationToken);
                }
                continue;
            }
            lastLook = false;
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != (byte)'\n')
                {
                    continue;
                }
                pending.Write(buffer, start, i - start);
                position += pending.Length + 1;
                var line = Encoding.UTF8.GetString(pending.GetBuffer(), 0, (int)pending.Length);
                pending.SetLength(0);
                start = i + 1;
                yield return (line, position);
            }
            pending.Write(buffer, start, read - start);
        }
    }

    /// <summary>The last lines of stderr (for error messages).</summary>
    public string ErrorTail(int maxChars = 2000)
    {
        if (!File.Exists(ErrorPath))
        {
            return "";
        }
        var text = File.ReadAllText(ErrorPath);
        return text.Length <= maxChars ? text.Trim() : text[^maxChars..].Trim();
    }

    /// <summary>SIGINT to the program (interrupts its turn).</summary>
    public void Interrupt() => Signal(Pid, SigInt);

    /// <summary>SIGTERM to the program's process group, SIGKILL after <paramref name="grace"/> if it is still there.</summary>
    public async Task StopAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        Signal(-Pid, SigTerm);
        Signal(Pid, SigTerm);
        var signalled = _time.GetTimestamp();
        while (IsAlive && _time.GetElapsedTime(signalled) < grace)
        {
            await Task.Delay(s_poll, _time, cancellationToken);
        }
        if (IsAlive)
        {
            Signal(-Pid, SigKill);
            Signal(Pid, SigKill);
        }
    }

    private const int SigInt = 2;
    private const int SigKill = 9;
    private const int SigTerm = 15;

    private static void Signal(int pid, int signal) => _ = NativeKill(pid, signal);

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int NativeKill(int pid, int sig);

    /// <summary>Field 22 of /proc/PID/stat (start time in clock ticks since boot), or -1 when there is no such process.</summary>
    private static long StartTicks(int pid)
    {
        var stat = ReadStat(pid);
        if (stat is null)
        {
            return -1;
        }
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields.Length > 19 && long.TryParse(fields[19], CultureInfo.InvariantCulture, out var ticks) ? ticks : -1;
    }

    private static bool IsZombie(int pid)
    {
        var stat = ReadStat(pid);
        return stat is null || stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
    }

    private static string? ReadStat(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
