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
    /// A running supervisor keeps its connections open, and in WAL mode an open connection holds a shared lock on the
    /// file for as long as it is open: an exclusive lock that cannot be had means someone still uses the database.
    /// Taking it also folds a leftover WAL into the file when the last user crashed.
    /// </summary>
    private static async Task EnsureNotInUseAsync(string databasePath, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new SqliteConnection(SqliteBackup.ConnectionString(databasePath, SqliteOpenMode.ReadWrite));
            await connection.OpenAsync(cancellationToken);
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout = 0; PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException ex) when ((ex.SqliteErrorCode & 0xFF) is SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED)
        {
            throw new IOException($"database '{databasePath}' is in use (is hal-supervisor still running?); stop it first");
        }
        catch (SqliteException)
        {
            // A damaged database cannot be locked or read; it is moved aside all the same.
        }
    }
}
