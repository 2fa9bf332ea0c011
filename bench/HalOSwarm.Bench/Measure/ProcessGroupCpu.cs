using System.Diagnostics;
using System.Globalization;

namespace HalOSwarm.Bench.Measure;

/// <summary>
/// CPU time of every process on this machine with one command name (<c>postgres</c>: the server and all its backends),
/// read from /proc; NaN when the server runs elsewhere (no such process). Backends that end between two reads take
/// their time with them, so the figure is a floor.
/// </summary>
internal sealed class ProcessGroupCpu(string command)
{
    private const double ClockTicksPerSecond = 100;
    private readonly string _comm = "(" + command + ")";

    public (TimeSpan At, double CpuSeconds, int Processes) Read()
    {
        var at = Stopwatch.GetElapsedTime(0);
        long ticks = 0;
        var processes = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out _))
            {
                continue;
            }
            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var close = stat.LastIndexOf(')');
                if (close < 0 || !stat.AsSpan(stat.IndexOf('(', StringComparison.Ordinal), close - stat.IndexOf('(', StringComparison.Ordinal) + 1).SequenceEqual(_comm))
                {
                    continue;
                }
                var fields = stat[(close + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                processes++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
            {
                // The process ended while it was read.
            }
        }
        return (at, ticks / ClockTicksPerSecond, processes);
    }

    /// <summary>Average CPU in % of one core between two reads; NaN when either found no process.</summary>
    public static double Percent((TimeSpan At, double CpuSeconds, int Processes)? from, (TimeSpan At, double CpuSeconds, int Processes)? to) =>
        from is { Processes: > 0 } a && to is { Processes: > 0 } b && b.At > a.At
            ? Math.Max(0, b.CpuSeconds - a.CpuSeconds) / (b.At - a.At).TotalSeconds * 100
            : double.NaN;
}
