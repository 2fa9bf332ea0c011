using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace HalOSwarm.Agent.Environments;

/// <summary>
/// Runs a tool's install command with <c>/bin/sh -c</c> in the project directory and the environment the project's
/// sessions get, for at most a timeout (then the whole process tree is killed). Only the last
/// <see cref="TailChars"/> characters of its output (stdout and stderr as they come) are kept: the shell sends its
/// stderr into its stdout first, so the two arrive in one pipe in the order they were written (read from two pipes, a
/// last line on stderr could be read before the stdout written ahead of it, and pushed out of the tail by it).
/// </summary>
internal static class InstallRunner
{
    public const int TailChars = 4096;

    public static async Task<InstallRun> RunAsync(string command, string directory, IReadOnlyDictionary<string, string> environment,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec 2>&1\n" + command);
        start.Environment.Clear();
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("did not start");
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException)
        {
            return new InstallRun(null, "", $"the install command could not start: {ex.Message}");
        }
        using (process)
        {
            process.StandardInput.Close();
            var tail = new Tail();
            var stdout = tail.ReadAsync(process.StandardOutput);
            var stderr = tail.ReadAsync(process.StandardError);
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(cts.Token);
                await Task.WhenAll(stdout, stderr).WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
                cancellationToken.ThrowIfCancellationRequested();
                return new InstallRun(null, tail.Text, $"the install command did not finish within {timeout.TotalSeconds:0} s (killed)");
            }
            return new InstallRun(process.ExitCode, tail.Text, null);
        }
    }

    /// <summary>The last <see cref="TailChars"/> characters of both streams, in the order they arrived.</summary>
    private sealed class Tail
    {
        private readonly StringBuilder _text = new();
        private readonly Lock _lock = new();

        public string Text
        {
            get
            {
                lock (_lock)
                {
                    return _text.ToString();
                }
            }
        }

        public async Task ReadAsync(StreamReader reader)
        {
            var buffer = new char[1024];
            int read;
            while ((read = await reader.ReadAsync(buffer)) > 0)
            {
                lock (_lock)
                {
                    _text.Append(buffer, 0, read);
                    if (_text.Length > TailChars)
                    {
                        _text.Remove(0, _text.Length - TailChars);
                    }
                }
            }
        }
    }
}
