namespace HalOSwarm.Supervisor.Storage;

/// <summary>The values of <c>database.provider</c>.</summary>
internal static class StorageProviders
{
    /// <summary>One file next to one supervisor: the embedded default.</summary>
    public const string Sqlite = "sqlite";

    /// <summary>A PostgreSQL server that one or several supervisors share.</summary>
    public const string Postgres = "postgres";

    public static readonly string[] All = [Sqlite, Postgres];

    public static bool IsPostgres(this IDatabase database) => database.Provider == Postgres;
}
