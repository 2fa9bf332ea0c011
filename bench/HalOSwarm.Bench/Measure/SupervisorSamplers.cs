namespace HalOSwarm.Bench.Measure;

/// <summary>One <see cref="ProcessSampler"/> per supervisor of a run: CPU adds up over them, peak RSS is the largest.</summary>
internal sealed class SupervisorSamplers(IReadOnlyList<int> pids, TimeSpan interval) : IAsyncDisposable
{
    private readonly ProcessSampler[] _samplers = [.. pids.Select(pid => new ProcessSampler(pid, interval))];

    /// <summary>The first supervisor's samples (the only one's, on SQLite); empty when no process is known.</summary>
    public IReadOnlyList<ProcessSample> FirstSamples => _samplers.Length > 0 ? _samplers[0].Samples : [];

    public double PeakRssMb
    {
        get
        {
            var peaks = _samplers.SelectMany(s => s.Samples).Select(x => x.PeakRssMb).ToList();
            return peaks.Count > 0 ? peaks.Max() : double.NaN;
        }
    }

    /// <summary>A sample of each supervisor now (null where it could not be read).</summary>
    public IReadOnlyList<ProcessSample?> Mark() => [.. _samplers.Select(s => s.Mark())];

    /// <summary>CPU of all supervisors between two marks, in % of one core; NaN when none was read.</summary>
    public static double CpuPercent(IReadOnlyList<ProcessSample?> from, IReadOnlyList<ProcessSample?> to)
    {
        var each = from.Zip(to, ProcessSampler.CpuPercent).Where(c => !double.IsNaN(c)).ToList();
        return each.Count > 0 ? each.Sum() : double.NaN;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var sampler in _samplers)
        {
            await sampler.DisposeAsync();
        }
    }
}
