using System.ComponentModel;
using System.Diagnostics;

namespace HalOSwarm.Agent.ToolAuth;

/// <summary>
/// One running device login (<c>codex login --device-auth</c>): its output lines as they come (stdout and stderr), and
/// its exit. Stdin is closed: the login needs no typing on the node, the person enters the code in a browser elsewhere.
/// </summary>
internal sealed class DeviceLoginProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly Lock _gate = new();
    private readonly Task _readers;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private DeviceLoginProcess(Process process)
    {
        _process = process;
        _readers = Task.WhenAll(ReadAsync(process.StandardOutput), ReadAsync(process.StandardError));
    }

    public static DeviceLoginProcess Start(ToolProgram program, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(program.Binary)
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
        foreach (var (key, value) in program.Environment)
        {
            start.Environment[key] = value;
        }
        try
        {
            var process = Process.Start(start) ?? throw new InvalidOperationException($"'{program.Binary}' did not start");
            process.StandardInput.Close();
            return new DeviceLoginProcess(process);
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"binary '{program.Binary}' not found ({program.BinaryKey}): {ex.Message}", ex);
        }
    }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Waits until a new line came or the output ended (then returns at once).</summary>
    public Task ChangedAsync(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        Task changed;
        lock (_gate)
        {
            changed = _changed.Task;
        }
        return _readers.IsCompleted ? Task.CompletedTask : changed.WaitAsync(timeout, timeProvider, cancellationToken);
    }

    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        await _readers.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return _process.ExitCode;
    }

    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private async Task ReadAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            TaskCompletionSource changed;
            lock (_gate)
            {
                if (_lines.Count < 500)
                {
                    _lines.Add(line);
                }
                changed = _changed;
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            changed.TrySetResult();
        }
        lock (_gate)
        {
            _changed.TrySetResult();
        }
    }
}
