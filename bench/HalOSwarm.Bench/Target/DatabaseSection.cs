namespace HalOSwarm.Bench.Target;

internal sealed record DatabaseSection(string Path, string? Synchronous = null);
