using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace HalOSwarm.Bench.Target;

/// <summary>
/// Where a supervisor under test keeps its data, for the bench's own reads (stored-once check, /metrics comparison):
/// a SQLite file, opened read-only beside the writer, or a PostgreSQL database.
/// </summary>
internal sealed class BenchStore
{
    private BenchStore(string provider, string? sqlitePath, string? postgresConnectionString)
    {
        Provider = provider;
        SqlitePath = sqlitePath;
        PostgresConnectionString = postgresConnectionString;
    }

    /// <summary><c>sqlite</c> or <c>postgres</c>, as in the supervisor's <c>database.provider</c>.</summary>
    public string Provider { get; }

    public string? SqlitePath { get; }

    public string? PostgresConnectionString { get; }

    public static BenchStore Sqlite(string path) => new(BenchDatabases.Sqlite, path, null);

    public static BenchStore Postgres(string connectionString) => new(BenchDatabases.Postgres, null, connectionString);

    /// <summary>An open connection for reading (the same SQL serves both: counts and GROUP BY only).</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = SqlitePath is { } path
            ? new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString())
            : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresConnectionString) { Pooling = false }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The file, or <c>postgres://user@host:port/database</c> (never the password).</summary>
    public override string ToString()
    {
        if (SqlitePath is { } path)
        {
            return path;
        }
        var b = new NpgsqlConnectionStringBuilder(PostgresConnectionString);
        return $"postgres://{b.Username}@{b.Host}:{b.Port}/{b.Database}";
    }
}
