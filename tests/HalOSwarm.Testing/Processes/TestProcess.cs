using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace HalOSwarm.Testing.Processes;

/// <summary>
/// A real child process (a built executable or any program) with its output captured line by line, so a
/// test can wait for what it prints, kill it hard (SIGKILL) or stop it politely (SIGTERM).
/// </summary>
public sealed partial class TestProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly StringBuilder _log = new();
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private TestProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Everything printed so far (stdout and stderr, in arrival order).</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Runs a built .NET executable (<c>dotnet X.dll args</c>).</summary>
    public static TestProcess StartDotnet(string name, string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string?>? env = null, string? workingDirectory = null) =>
        Start(name, DotnetHost, [dll, .. args], env, workingDirectory);

    public static TestProcess Start(string name, string fileName, IEnumerable<string> args, IReadOnlyDictionary<string, string?>? env = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in env ?? new Dictionary<string, string?>())
        {
            info.Environment[key] = value;
        }
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var result = new TestProcess(name, process);
        process.OutputDataReceived += (_, e) => result.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => result.OnLine(e.Data);
        process.Exited += (_, _) => result._exited.TrySetResult();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        return result;
    }

    /// <summary>The dotnet host that runs this test, so children use the same runtime.</summary>
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }
        _lines.Enqueue(line);
        lock (_gate)
        {
            _log.AppendLine(line);
        }
    }

    /// <summary>Waits until a printed line contains <paramref name="fragment"/>; throws with the output on timeout or exit.</summary>
    public async Task<string> WaitForOutputAsync(string fragment, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var hit = _lines.FirstOrDefault(l => l.Contains(fragment, StringComparison.Ordinal));
            if (hit is not null)
            {
                return hit;
            }
            if (_process.HasExited)
            {
                await _exited.Task;
                hit = _lines.FirstOrDefault(l => l.Contains(fragment, StringComparison.Ordinal));
                return hit ?? throw new InvalidOperationException($"{Name} exited ({_process.ExitCode}) before printing '{fragment}':\n{Output}");
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"{Name} did not print '{fragment}' within {timeout}:\n{Output}");
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} did not exit within {timeout}:\n{Output}");
        }
        await _exited.Task;
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: the process gets no chance to flush or say goodbye.</summary>
    public async Task KillHardAsync()
    {
        if (_process.HasExited)
        {
            return;
        }
        _process.Kill(entireProcessTree: false);
        await WaitForExitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>SIGTERM, then waits for a graceful exit.</summary>
    public async Task<int> StopAsync(TimeSpan? timeout = null)
    {
        if (!_process.HasExited)
        {
            _ = SysKill(_process.Id, 15);
        }
        return await WaitForExitAsync(timeout ?? TimeSpan.FromSeconds(20));
    }

    /// <summary>
    /// Kills the process and every process it started that is still its descendant (hal-bench's supervisor, an agent's
    /// runtime programs): a test that ends, passing or failing, leaves none of them behind. <see cref="KillHardAsync"/>
    /// kills the process alone, as a crash would.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SysKill(int pid, int signal);
}
