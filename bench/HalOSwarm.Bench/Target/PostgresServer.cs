using System.Globalization;
using Npgsql;

namespace HalOSwarm.Bench.Target;

/// <summary>
/// The PostgreSQL server given with <c>--postgres</c>: the bench makes a database of its own there for each supervisor
/// group (and for the COPY ceiling) and drops it afterwards. The role needs CREATEDB.
/// </summary>
internal sealed class PostgresServer(string connectionString)
{
    private int _databases;

    /// <summary>Creates an empty database named after the run and <paramref name="purpose"/>; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string runId, string purpose, CancellationToken cancellationToken)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"hal_bench_{runId}_{purpose}_{Interlocked.Increment(ref _databases)}").ToLowerInvariant();
        await ExecuteAsync($"CREATE DATABASE \"{name}\"", cancellationToken);
        return new NpgsqlConnectionStringBuilder(connectionString) { Database = name }.ToString();
    }

    /// <summary>Drops a database <see cref="CreateDatabaseAsync"/> made, closing what is still connected to it.</summary>
    public async Task DropDatabaseAsync(string databaseConnectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(databaseConnectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", CancellationToken.None);
    }

    /// <summary>Checks the server answers; the error names the server, never the password.</summary>
    public async Task<string?> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteAsync("SELECT 1", cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or ArgumentException)
        {
            var b = new NpgsqlConnectionStringBuilder(connectionString);
            return $"PostgreSQL at {b.Host}:{b.Port} (user {b.Username}) not usable: {ex.Message}";
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
