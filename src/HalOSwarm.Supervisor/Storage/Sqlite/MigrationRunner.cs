using System.Reflection;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Storage.Sqlite;

/// <summary>
/// Applies the embedded <c>Migrations/NNNN_name.sql</c> files in order, each in its own transaction together with
/// its <c>schema_migrations</c> row, so a crash leaves the schema at a known version.
/// </summary>
internal static class MigrationRunner
{
    private const string ResourceMarker = ".Migrations.";

    /// <summary>The embedded migrations whose resource names hold <paramref name="marker"/> (SQLite's by default), in order.</summary>
    public static IReadOnlyList<(int Version, string Name, string Sql)> Discover(string marker = ResourceMarker)
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var migrations = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var index = resource.IndexOf(marker, StringComparison.Ordinal);
            if (index < 0 || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }
            var name = resource[(index + marker.Length)..^4];
            var version = int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), System.Globalization.CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add((version, name, reader.ReadToEnd()));
        }
        return migrations.OrderBy(m => m.Item1).ToList();
    }

    /// <summary>Returns the names of the migrations applied now.</summary>
    public static async Task<IReadOnlyList<string>> ApplyAsync(SqliteConnection connection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText = """
                PRAGMA journal_mode = WAL;
                CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);
                """;
            await setup.ExecuteNonQueryAsync(cancellationToken);
        }
        var applied = new HashSet<long>();
        using (var query = connection.CreateCommand())
        {
            query.CommandText = "SELECT version FROM schema_migrations";
            using var reader = await query.ExecuteReaderAsync(cancellationToken);
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
            using var transaction = connection.BeginTransaction();
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = sql;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            using (var record = connection.CreateCommand())
            {
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($v, $n, $t)";
                record.Parameters.AddWithValue("$v", version);
                record.Parameters.AddWithValue("$n", name);
                record.Parameters.AddWithValue("$t", SqliteTime.Format(now));
                await record.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            done.Add(name);
        }
        return done;
    }
}
