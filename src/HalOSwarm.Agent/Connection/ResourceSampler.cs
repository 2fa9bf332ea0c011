using System.Globalization;
using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.Connection;

/// <summary>
/// Machine resources for hello and heartbeats: CPU % from the delta of /proc/stat between two samples,
/// memory from /proc/meminfo, disk of the drive that holds the state directory.
/// </summary>
internal sealed class ResourceSampler
{
    private readonly string _stateDir;
    private readonly Lock _lock = new();
    private (ulong Busy, ulong Total)? _previous;

    public ResourceSampler(string stateDir) => _stateDir = stateDir;

    public ResourceUsage Sample()
    {
        var (memUsed, memTotal) = ReadMemory();
        var (diskUsed, diskTotal) = ReadDisk();
        return new ResourceUsage(ReadCpuPercent(), memUsed, memTotal, diskUsed, diskTotal);
    }

    private double ReadCpuPercent()
    {
        var current = ReadCpuTimes();
        if (current is null)
        {
            return 0;
        }
        lock (_lock)
        {
            var previous = _previous;
            _previous = current;
            if (previous is null || current.Value.Total <= previous.Value.Total)
            {
                return 0;
            }
            var busy = (double)(current.Value.Busy - previous.Value.Busy);
            var total = (double)(current.Value.Total - previous.Value.Total);
            return Math.Round(Math.Clamp(busy / total * 100, 0, 100), 1);
        }
    }

    internal static (ulong Busy, ulong Total)? ParseCpuLine(string line)
    {
        // cpu  user nice system idle iowait irq softirq steal ...
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 5 || fields[0] != "cpu")
        {
            return null;
        }
        ulong total = 0, idle = 0;
        for (var i = 1; i < fields.Length && i <= 8; i++)
        {
            var value = ulong.Parse(fields[i], CultureInfo.InvariantCulture);
            total += value;
            if (i is 4 or 5)
            {
                idle += value;
            }
        }
        return (total - idle, total);
    }

    private static (ulong Busy, ulong Total)? ReadCpuTimes()
    {
        try
        {
            using var reader = new StreamReader("/proc/stat");
            return reader.ReadLine() is { } line ? ParseCpuLine(line) : null;
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

    private static (long Used, long Total) ReadMemory()
    {
        try
        {
            long total = 0, available = 0;
            foreach (var line in File.ReadLines("/proc/meminfo"))
            {
                if (line.StartsWith("MemTotal:", StringComparison.Ordinal))
                {
                    total = KiB(line);
                }
                else if (line.StartsWith("MemAvailable:", StringComparison.Ordinal))
                {
                    available = KiB(line);
                }
            }
            return (Math.Max(0, total - available), total);
        }
        catch (IOException)
        {
            return (0, 0);
        }
    }

    private static long KiB(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;

    private (long Used, long Total) ReadDisk()
    {
        try
        {
            var drive = new DriveInfo(Path.GetFullPath(_stateDir));
            return (drive.TotalSize - drive.AvailableFreeSpace, drive.TotalSize);
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return (0, 0);
        }
    }
}
