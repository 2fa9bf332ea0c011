namespace HalOSwarm.Protocol;

/// <summary>Machine resources as the agent measured them.</summary>
public sealed record ResourceUsage(
    double CpuPercent,
    long MemUsedBytes,
    long MemTotalBytes,
    long DiskUsedBytes,
    long DiskTotalBytes);
