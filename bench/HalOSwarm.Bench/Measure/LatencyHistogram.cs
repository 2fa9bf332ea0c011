namespace HalOSwarm.Bench.Measure;

/// <summary>
/// Lock-free log-linear histogram of latencies in microseconds (buckets 1 % wide, 1 µs – ~100 s), so
/// millions of samples cost a fixed few KiB and percentiles are exact to 1 %.
/// </summary>
internal sealed class LatencyHistogram
{
    private const double Growth = 1.01;
    private static readonly double s_logGrowth = Math.Log(Growth);
    private readonly long[] _buckets = new long[1900];
    private long _count;
    private long _maxMicros;

    public long Count => Interlocked.Read(ref _count);

    public void Record(TimeSpan latency) => RecordMicros((long)latency.TotalMicroseconds);

    public void RecordMicros(long micros)
    {
        var value = Math.Max(1, micros);
        var index = Math.Min(_buckets.Length - 1, (int)(Math.Log(value) / s_logGrowth));
        Interlocked.Increment(ref _buckets[index]);
        Interlocked.Increment(ref _count);
        long max;
        while (value > (max = Interlocked.Read(ref _maxMicros)) && Interlocked.CompareExchange(ref _maxMicros, value, max) != max)
        {
        }
    }

    /// <summary>Adds every sample of <paramref name="other"/> (not thread-safe against recording into either).</summary>
    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < _buckets.Length; i++)
        {
            _buckets[i] += other._buckets[i];
        }
        _count += other._count;
        _maxMicros = Math.Max(_maxMicros, other._maxMicros);
    }

    public void Reset()
    {
        Array.Clear(_buckets);
        Interlocked.Exchange(ref _count, 0);
        Interlocked.Exchange(ref _maxMicros, 0);
    }

    /// <summary>The latency under which <paramref name="percentile"/> % of samples fall, in milliseconds.</summary>
    public double PercentileMs(double percentile)
    {
        var count = Count;
        if (count == 0)
        {
            return double.NaN;
        }
        var rank = (long)Math.Ceiling(count * percentile / 100.0);
        long seen = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            seen += Interlocked.Read(ref _buckets[i]);
            if (seen >= rank)
            {
                return Math.Min(Math.Pow(Growth, i + 1), Interlocked.Read(ref _maxMicros)) / 1000.0;
            }
        }
        return MaxMs;
    }

    public double MaxMs => Count == 0 ? double.NaN : Interlocked.Read(ref _maxMicros) / 1000.0;
}
