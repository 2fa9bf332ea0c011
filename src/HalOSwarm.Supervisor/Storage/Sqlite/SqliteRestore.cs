using System.Globalization;
using HalOSwarm.Supervisor.Configuration;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Storage.Sqlite;

/// <summary>
/// Puts a backup in place of the database while no supervisor runs on it: the backup is checked first
/// (<c>PRAGMA integrity_check</c> and that it is a supervisor database), the database in use is refused, and the
/// current file (with its <c>-wal</c>) is moved aside, never deleted.
/// </summary>
internal static class SqliteRestore
{
    public static async Task<RestoreResult> RestoreAsync(string backupPath, string databasePath, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!File.Exists(backupPath))
        {
            throw new FileNotFoundException($"backup '{backupPath}' does not exist", backupPath);
        }
        await CheckBackupAsync(backupPath, cancellationToken);
        string? aside = null;
        if (File.Exists(databasePath))
        {
            await EnsureNotInUseAsync(databasePath, cancellationToken);
            aside = $"{databasePath}.before-restore-{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}";
            foreach (var suffix in (string[])["-wal", "-shm", "-journal", ""])
            {
                if (File.Exists(databasePath + suffix))
                {
                    File.Move(databasePath + suffix, aside + suffix);
                }
            }
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(databasePath));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        var partial = databasePath + ".restoring";
        File.Copy(backupPath, partial, overwrite: true);
        File.Move(partial, databasePath);
        return new RestoreResult(databasePath, aside);
    }

    private static async Task CheckBackupAsync(string backupPath, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new SqliteConnection(SqliteBackup.ConnectionString(backupPath, SqliteOpenMode.ReadOnly));
            await connection.OpenAsync(cancellationToken);
            var problems = await DatabaseIntegrity.CheckAsync(connection, DatabaseOptions.IntegrityFull, cancellationToken);
            if (problems.Count > 0)
            {
                throw new DatabaseDamagedException(backupPath, problems);
            }
            using var schema = connection.CreateCommand();
            schema.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('schema_migrations', 'events', 'nodes')";
            if (Convert.ToInt64(await schema.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) != 3)
            {
                throw new InvalidDataException($"'{backupPath}' is a SQLite database but not a hal-supervisor one (no schema_migrations, events and nodes tables)");
            }
        }
        catch (SqliteException ex) when (DatabaseIntegrity.IsDamage(ex))
        {
            throw new DatabaseDamagedException(backupPath, [ex.Message]);
        }
    }

    /// <summary>
    /// A running supervisor keeps its connections open. Switching the file out of WAL mode (to a rollback journal)
    /// needs it to itself, so a switch that fails or does not happen means someone still uses the database. The file is
    /// moved aside next, so its mode no longer matters; the switch also folds a leftover WAL into it.
    /// </summary>
    private static async Task EnsureNotInUseAsync(string databasePath, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new SqliteConnection(SqliteBackup.ConnectionString(databasePath, SqliteOpenMode.ReadWrite) + ";Default Timeout=1");
            await connection.OpenAsync(cancellationToken);
            foreach (var sql in (string[])["PRAGMA busy_timeout = 0", "PRAGMA locking_mode = EXCLUSIVE", "SELECT count(*) FROM sqlite_master", "PRAGMA journal_mode = DELETE"])
            {
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                var answer = Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
                if (sql.Contains("journal_mode", StringComparison.Ordinal) && !string.Equals(answer, "delete", StringComparison.OrdinalIgnoreCase))
                {
                    // Leaving WAL mode needs the file to itself: another connection keeps it in WAL.
                    throw new IOException($"database '{databasePath}' is in use (is hal-supervisor still running?); stop it first");
                }
            }
        }
        catch (SqliteException ex) when ((ex.SqliteErrorCode & 0xFF) is SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED)
        {
            throw new IOException($"database '{databasePath}' is in use (is hal-supervisor still running?); stop it first");
        }
        catch (SqliteException ex) when (DatabaseIntegrity.IsDamage(ex))
        {
            // A damaged database cannot be locked or read; it is moved aside all the same.
        }
        catch (SqliteException ex)
        {
            throw new IOException($"database '{databasePath}' cannot be locked for the restore ({ex.Message}); is hal-supervisor still running?", ex);
        }
    }
}
