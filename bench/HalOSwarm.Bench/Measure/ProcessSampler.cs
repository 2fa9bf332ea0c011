using System.Diagnostics;
using System.Globalization;

namespace HalOSwarm.Bench.Measure;

/// <summary>
/// Samples a process's VmRSS, VmHWM and utime+stime from /proc on a fixed interval until disposed.
/// CPU is reported in % of one core (200 % = both cores of this machine).
/// </summary>
internal sealed class ProcessSampler : IAsyncDisposable
{
    private const double ClockTicksPerSecond = 100;
    private readonly int _pid;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly List<ProcessSample> _samples = [];
    private readonly CancellationTokenSource _cts = new();
    private readonly Task _loop;

    public ProcessSampler(int pid, TimeSpan interval)
    {
        _pid = pid;
        _loop = LoopAsync(interval, _cts.Token);
    }

    public IReadOnlyList<ProcessSample> Samples
    {
        get
        {
            lock (_samples)
            {
                return [.. _samples];
            }
        }
    }

    public ProcessSample? Read()
    {
        try
        {
            var status = File.ReadAllLines($"/proc/{_pid}/status");
            var stat = File.ReadAllText($"/proc/{_pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return new ProcessSample(Stopwatch.GetElapsedTime(_started), Kb(status, "VmRSS:") / 1024, Kb(status, "VmHWM:") / 1024, ticks / ClockTicksPerSecond);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Takes a sample now and keeps it (marks the start or end of a measured window).</summary>
    public ProcessSample? Mark()
    {
        var sample = Read();
        if (sample is { } s)
        {
            lock (_samples)
            {
                _samples.Add(s);
            }
        }
        return sample;
    }

    /// <summary>Average CPU in % of one core between two samples.</summary>
    public static double CpuPercent(ProcessSample? from, ProcessSample? to) =>
        from is { } a && to is { } b && b.At > a.At ? (b.CpuSeconds - a.CpuSeconds) / (b.At - a.At).TotalSeconds * 100 : double.NaN;

    private static double Kb(string[] lines, string key)
    {
        var line = lines.FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private async Task LoopAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            do
            {
                Mark();
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync();
        await _loop;
        _cts.Dispose();
    }
}
