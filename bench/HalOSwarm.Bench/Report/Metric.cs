namespace HalOSwarm.Bench.Report;

/// <summary>
/// One measured number. <see cref="Target"/> is the goal in words (e.g. "≥ 100000"); <see cref="Met"/> is
/// null when there is no goal for it.
/// </summary>
internal sealed record Metric(string Name, double Value, string Unit, string? Target = null, bool? Met = null);
