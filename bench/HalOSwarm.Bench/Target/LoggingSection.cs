namespace HalOSwarm.Bench.Target;

internal sealed record LoggingSection(string Level);
