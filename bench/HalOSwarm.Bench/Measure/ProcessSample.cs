namespace HalOSwarm.Bench.Measure;

/// <summary>One reading of /proc/PID: resident and peak resident memory, and CPU time used so far.</summary>
internal readonly record struct ProcessSample(TimeSpan At, double RssMb, double PeakRssMb, double CpuSeconds);
