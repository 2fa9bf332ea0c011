using HalOSwarm.Supervisor.Storage.Sqlite;
using Npgsql;

namespace HalOSwarm.Supervisor.Storage.Postgres;

/// <summary>
/// Applies the embedded <c>Storage/Postgres/Migrations/NNNN_name.sql</c> files in order, each in its own transaction
/// with its <c>schema_migrations</c> row. Supervisors starting at once against one database take turns through an
/// advisory lock, so each migration runs exactly once.
/// </summary>
internal static class PostgresMigrations
{
    private const string ResourceMarker = ".PostgresMigrations.";

    /// <summary>The advisory lock key that serializes migrations ("hal-migr" as bytes).</summary>
    private const long LockKey = 0x68616c2d6d696772;

    public static IReadOnlyList<(int Version, string Name, string Sql)> Discover() => MigrationRunner.Discover(ResourceMarker);

    /// <summary>Returns the names of the migrations applied now.</summary>
    public static async Task<IReadOnlyList<string>> ApplyAsync(NpgsqlConnection connection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({LockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection,
                "CREATE TABLE IF NOT EXISTS schema_migrations (version bigint PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)", cancellationToken);
            var applied = new HashSet<long>();
            await using (var query = new NpgsqlCommand("SELECT version FROM schema_migrations", connection))
            await using (var reader = await query.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    applied.Add(reader.GetInt64(0));
                }
            }
            var done = new List<string>();
            foreach (var (version, name, sql) in Discover())
            {
                if (applied.Contains(version))
                {
                    continue;
                }
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using (var command = new NpgsqlCommand(sql, connection, transaction))
                {
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
                await using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, name, applied_at) VALUES (@v, @n, @t)", connection, transaction))
                {
                    record.Parameters.AddWithValue("v", (long)version);
                    record.Parameters.AddWithValue("n", name);
                    record.Parameters.AddWithValue("t", SqliteTime.Format(now));
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken);
                done.Add(name);
            }
            return done;
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
