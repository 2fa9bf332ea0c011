namespace HalOSwarm.Bench.Target;

/// <summary>The started supervisor's <c>database</c> section: a SQLite file, or a PostgreSQL database.</summary>
internal sealed record DatabaseSection(string? Path, string? Synchronous = null, string? Provider = null, string? ConnectionString = null, int? PoolSize = null);
