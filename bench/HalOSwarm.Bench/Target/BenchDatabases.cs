namespace HalOSwarm.Bench.Target;

/// <summary>The storage providers the bench can run a supervisor on (<c>--database</c>).</summary>
internal static class BenchDatabases
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>The scenarios that also run on PostgreSQL; the others read the supervisor's SQLite file and run on it only.</summary>
    public static readonly string[] PostgresScenarios = ["ceiling", "throughput", "latency", "commands", "connections"];
}
